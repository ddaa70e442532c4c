namespace Simulation.Model.TradeData;

/// <summary>
/// One line of scenario trade aggregated from products: the value of the mapped products' imports,
/// their import-weighted average tariff (what the scenario's <c>tariff</c> is given), the simple
/// average beside it, and how many products it sums. Tariffs are null without a tariff schedule.
/// </summary>
public sealed record SectorLine(string Importer, string Exporter, string Sector, double Value, double? Tariff, double? SimpleAverageTariff, int Products);
