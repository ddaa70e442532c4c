using Simulation.Model.Scenarios;

namespace Simulation.Model.Economics;

/// <summary>
/// A market in the base data: the importer, the sector with its elasticities, and the suppliers in
/// the scenario's order. World prices are normalised to 1 in the base, so base values are base
/// quantities. A supplier whose exporter is the importer itself is the home producers (from the
/// scenario's <c>domestic</c> sales): they sell at zero tariff, and trade flows never have the same
/// importer and exporter, so the two cannot be confused.
/// </summary>
public sealed class Market
{
    public Market(MarketKey key, Sector sector, IReadOnlyList<MarketSupplier> suppliers)
    {
        Key = key;
        Sector = sector;
        Suppliers = suppliers;
        var elasticities = sector.ElasticitiesFor(key.Importer);
        DemandElasticity = elasticities.DemandElasticity;
        SubstitutionElasticity = elasticities.SubstitutionElasticity;
        DomesticSubstitutionElasticity = elasticities.DomesticSubstitutionElasticity;
    }

    public MarketKey Key { get; }

    public Sector Sector { get; }

    public IReadOnlyList<MarketSupplier> Suppliers { get; }

    public string Importer => Key.Importer;

    /// <summary>The import demand elasticity ε (absolute value) in this market: the sector's, or the market's override.</summary>
    public double DemandElasticity { get; }

    /// <summary>The Armington σ_M among import sources in this market: the sector's, or the market's override.</summary>
    public double SubstitutionElasticity { get; }

    /// <summary>
    /// The Armington σ_D between the home good and the import composite in this market (DESIGN §3.2,
    /// "Two-level Armington"): the market's override, the sector's, or σ_M, the single nest.
    /// </summary>
    public double DomesticSubstitutionElasticity { get; }

    public TariffLine LineOf(MarketSupplier supplier) => new(Key.Importer, supplier.Exporter, Key.Sector);

    /// <summary>Whether <paramref name="supplier"/> is the home producers of this market.</summary>
    public bool IsHome(MarketSupplier supplier) => supplier.Exporter == Key.Importer;

    /// <summary>
    /// The tariff (percent) each supplier faces after, in supplier order: <paramref name="tariffAfterPercent"/>
    /// for imports, 0 for home producers, who have no tariff line.
    /// </summary>
    public double[] TariffsAfter(Func<TariffLine, double> tariffAfterPercent)
    {
        var tariffs = new double[Suppliers.Count];
        for (var j = 0; j < tariffs.Length; j++)
        {
            tariffs[j] = IsHome(Suppliers[j]) ? 0 : tariffAfterPercent(LineOf(Suppliers[j]));
        }

        return tariffs;
    }
}
