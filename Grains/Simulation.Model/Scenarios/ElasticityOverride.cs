namespace Simulation.Model.Scenarios;

/// <summary>
/// Elasticities a sector sets for one importer's market (<c>sectors.x.markets.IDN</c>), replacing
/// the sector's own where given: import demand ε (absolute value) and Armington σ. Export supply
/// is not overridable per market: in gsim a supplier has one supply curve for all its markets.
/// </summary>
public sealed record ElasticityOverride(double? DemandElasticity, double? SubstitutionElasticity);
