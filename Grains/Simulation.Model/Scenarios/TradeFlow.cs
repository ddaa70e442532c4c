using Simulation.Model.Economics;

namespace Simulation.Model.Scenarios;

/// <summary>
/// Imports of <see cref="Importer"/> from <see cref="Exporter"/> in one sector: the value at world
/// prices (the scenario's unit) and the applied ad-valorem tariff in percent; with a tariff-rate
/// <see cref="Quota"/>, that tariff is the over-quota tariff (DESIGN §4.1).
/// </summary>
public sealed record TradeFlow(string Importer, string Exporter, string Sector, double Value, double TariffPercent, TariffRateQuota? Quota = null);
