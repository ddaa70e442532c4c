namespace Simulation.Model.Scenarios;

/// <summary>
/// Elasticities a sector sets for one importer's market (<c>sectors.x.markets.IDN</c>), replacing
/// the sector's own where given: import demand ε (absolute value), Armington σ_M among import sources
/// and σ_D between home goods and imports. Export supply is not overridable per market: in gsim a
/// supplier has one supply curve for all its markets.
/// </summary>
public sealed record ElasticityOverride(double? DemandElasticity, double? SubstitutionElasticity)
{
    /// <summary>σ_D in this market (<c>domestic_substitution_elasticity</c>), or null to keep the sector's.</summary>
    public double? DomesticSubstitutionElasticity { get; init; }
}
