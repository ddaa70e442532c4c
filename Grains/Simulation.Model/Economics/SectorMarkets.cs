using Simulation.Model.Scenarios;

namespace Simulation.Model.Economics;

/// <summary>
/// One sector's markets in the base data, and its suppliers: every country selling in at least one
/// of them (abroad or, with domestic sales, at home), in order of first appearance. A supplier's
/// base sales X0 are all its base sales in the sector, which is what its one supply curve covers
/// in gsim (Francois &amp; Hall's GSIM: one export price per supplier and sector).
/// </summary>
public sealed class SectorMarkets
{
    private readonly Dictionary<string, int> _supplierIndex = new(StringComparer.Ordinal);
    private readonly List<double> _baseSales = [];

    public SectorMarkets(Sector sector, IReadOnlyList<Market> markets)
    {
        ArgumentNullException.ThrowIfNull(sector);
        ArgumentNullException.ThrowIfNull(markets);
        var suppliers = new List<string>();
        foreach (var market in markets)
        {
            if (market.Key.Sector != sector.Name)
            {
                throw new ArgumentException($"Market {market.Key} is not in sector {sector.Name}.", nameof(markets));
            }

            foreach (var supplier in market.Suppliers)
            {
                if (!_supplierIndex.TryGetValue(supplier.Exporter, out var index))
                {
                    index = suppliers.Count;
                    _supplierIndex.Add(supplier.Exporter, index);
                    suppliers.Add(supplier.Exporter);
                    _baseSales.Add(0);
                }

                _baseSales[index] += supplier.BaseValue;
            }
        }

        Sector = sector;
        Markets = markets;
        Suppliers = suppliers;
    }

    public Sector Sector { get; }

    public IReadOnlyList<Market> Markets { get; }

    /// <summary>Every supplier of the sector, in order of first appearance.</summary>
    public IReadOnlyList<string> Suppliers { get; }

    /// <summary>The position of <paramref name="supplier"/> in <see cref="Suppliers"/>.</summary>
    public int IndexOf(string supplier) =>
        _supplierIndex.TryGetValue(supplier, out var index)
            ? index
            : throw new ArgumentException($"{supplier} does not supply sector {Sector.Name}.", nameof(supplier));

    /// <summary>X0: all base sales of supplier <paramref name="index"/> in the sector, at home and abroad.</summary>
    public double BaseSales(int index) => _baseSales[index];
}
