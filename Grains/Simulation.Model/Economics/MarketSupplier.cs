namespace Simulation.Model.Economics;

/// <summary>
/// A supplier to a market in the base data: its sales at world prices and the tariff it faced
/// (percent). Home producers appear with the importer as exporter and a tariff of 0. A line under a
/// tariff-rate quota in the base data has its quota here, and as base tariff the one that priced its
/// base imports: the in-quota tariff when they are within the volume, the over-quota tariff above it.
/// </summary>
public sealed record MarketSupplier(string Exporter, double BaseValue, double BaseTariffPercent, TariffRateQuota? BaseQuota = null);
