namespace Simulation.Model.Scenarios;

/// <summary>
/// Imports of <see cref="Importer"/> from <see cref="Exporter"/> in one sector: the value at world
/// prices (the scenario's unit) and the applied ad-valorem tariff in percent.
/// </summary>
public sealed record TradeFlow(string Importer, string Exporter, string Sector, double Value, double TariffPercent);
