namespace Simulation.Model.Economics;

/// <summary>
/// A supplier to a market in the base data: its sales at world prices and the tariff it faced
/// (percent). Home producers appear with the importer as exporter and a tariff of 0.
/// </summary>
public sealed record MarketSupplier(string Exporter, double BaseValue, double BaseTariffPercent);
