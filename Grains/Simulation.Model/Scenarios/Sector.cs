namespace Simulation.Model.Scenarios;

/// <summary>
/// A sector and its elasticities. Demand elasticity is the absolute value of the import demand
/// elasticity ε; substitution elasticity is the Armington σ between sources; supply elasticity is
/// the export supply elasticity ε_x, <see cref="double.PositiveInfinity"/> for infinite supply.
/// <see cref="Markets"/> overrides ε and σ for some importers (DESIGN §3.1: "overridable per market").
/// </summary>
public sealed record Sector(string Name, double DemandElasticity, double SubstitutionElasticity, double SupplyElasticity)
{
    /// <summary>Per-importer overrides of ε and σ, by importer id.</summary>
    public IdMap<ElasticityOverride> Markets { get; init; } = IdMap<ElasticityOverride>.Empty;

    /// <summary>ε and σ in <paramref name="importer"/>'s market: its override where given, the sector's otherwise.</summary>
    public MarketElasticities ElasticitiesFor(string importer) =>
        Markets.TryGetValue(importer, out var market)
            ? new MarketElasticities(market.DemandElasticity ?? DemandElasticity, market.SubstitutionElasticity ?? SubstitutionElasticity)
            : new MarketElasticities(DemandElasticity, SubstitutionElasticity);
}
