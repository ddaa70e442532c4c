using Simulation.Model.Scenarios;

namespace Simulation.Model.Economics;

/// <summary>
/// One sector's markets in the base data, and its suppliers: every country selling in at least one
/// of them (abroad or, with domestic sales, at home), in order of first appearance. A supplier's
/// base sales X0 are all its base sales in the sector, which is what its one supply curve covers
/// in gsim (Francois &amp; Hall's GSIM: one export price per supplier and sector): its sales in the
/// markets listed, S_j, and, when the scenario gives its total T_j (<c>supply:</c>), the rest
/// R0_j = T_j − S_j, sold elsewhere (DESIGN §3.2, "A complete world").
/// </summary>
public sealed class SectorMarkets
{
    private readonly Dictionary<string, int> _supplierIndex = new(StringComparer.Ordinal);
    private readonly List<double> _baseSales = [];
    private readonly Elsewhere?[] _elsewhere;

    /// <param name="sector">The sector and its elasticities.</param>
    /// <param name="markets">Its markets, all in <paramref name="sector"/>.</param>
    /// <param name="totals">
    /// Total sales of some of its suppliers (rows of other sectors are ignored); each at least the
    /// supplier's sales in <paramref name="markets"/>, as the scenario loader checks.
    /// </param>
    public SectorMarkets(Sector sector, IReadOnlyList<Market> markets, IReadOnlyList<TotalSales>? totals = null)
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
        _elsewhere = new Elsewhere?[suppliers.Count];
        foreach (var total in totals ?? [])
        {
            if (total.Sector == sector.Name && _supplierIndex.TryGetValue(total.Country, out var index))
            {
                _elsewhere[index] = Elsewhere.Of(total, _baseSales[index], sector.DemandElasticity);
            }
        }
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

    /// <summary>
    /// X0: all base sales of supplier <paramref name="index"/> in the sector, at home and abroad: its
    /// total T_j where the scenario gives one, its sales in the markets listed S_j otherwise.
    /// </summary>
    public double BaseSales(int index) => _elsewhere[index] is { } elsewhere ? elsewhere.Total : _baseSales[index];

    /// <summary>S_j: the base sales of supplier <paramref name="index"/> in the markets listed.</summary>
    public double ListedSales(int index) => _baseSales[index];

    /// <summary>Supplier <paramref name="index"/>'s residual market, or null when it sells only in the markets listed.</summary>
    public Elsewhere? ElsewhereOf(int index) => _elsewhere[index];
}
