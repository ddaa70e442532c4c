using Simulation.Model.Scenarios;

namespace Simulation.Model.Economics;

/// <summary>
/// A market in the base data: the importer, the sector with its elasticities, and the suppliers in
/// the scenario's order. World prices are normalised to 1 in the base, so base values are base
/// quantities.
/// </summary>
public sealed class Market(MarketKey key, Sector sector, IReadOnlyList<MarketSupplier> suppliers)
{
    public MarketKey Key { get; } = key;

    public Sector Sector { get; } = sector;

    public IReadOnlyList<MarketSupplier> Suppliers { get; } = suppliers;

    public string Importer => Key.Importer;

    public TariffLine LineOf(MarketSupplier supplier) => new(Key.Importer, supplier.Exporter, Key.Sector);
}
