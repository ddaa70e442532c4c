namespace Simulation.Model.Scenarios;

/// <summary>
/// A sector and its elasticities. Demand elasticity is the absolute value of the import demand
/// elasticity ε; substitution elasticity is the Armington σ_M between import sources; supply elasticity
/// is the export supply elasticity ε_x, <see cref="double.PositiveInfinity"/> for infinite supply.
/// <see cref="DomesticSubstitutionElasticity"/> is σ_D, between the home good and the import composite
/// (DESIGN §3.2, "Two-level Armington"). <see cref="Markets"/> overrides ε, σ_M and σ_D for some
/// importers (DESIGN §3.1: "overridable per market").
/// </summary>
public sealed record Sector(string Name, double DemandElasticity, double SubstitutionElasticity, double SupplyElasticity)
{
    /// <summary>Per-importer overrides of ε, σ_M and σ_D, by importer id.</summary>
    public IdMap<ElasticityOverride> Markets { get; init; } = IdMap<ElasticityOverride>.Empty;

    /// <summary>σ_D as written for the sector (<c>domestic_substitution_elasticity</c>), or null: then each market's σ_M, a single nest.</summary>
    public double? DomesticSubstitutionElasticity { get; init; }

    /// <summary>
    /// ε, σ_M and σ_D in <paramref name="importer"/>'s market: its override where given, the sector's
    /// otherwise. σ_D written nowhere is the market's σ_M, so that the market keeps a single nest.
    /// </summary>
    public MarketElasticities ElasticitiesFor(string importer)
    {
        var market = Markets.TryGetValue(importer, out var found) ? found : null;
        var substitution = market?.SubstitutionElasticity ?? SubstitutionElasticity;
        return new MarketElasticities(
            market?.DemandElasticity ?? DemandElasticity,
            substitution,
            market?.DomesticSubstitutionElasticity ?? DomesticSubstitutionElasticity ?? substitution);
    }
}
