namespace Simulation.Model.Scenarios;

/// <summary>
/// The demand-side elasticities that hold in one market: import demand ε (absolute value), Armington
/// σ_M among import sources and σ_D between the home good and the import composite (DESIGN §3.2,
/// "Two-level Armington"); σ_D = σ_M is the single nest.
/// </summary>
public sealed record MarketElasticities(double DemandElasticity, double SubstitutionElasticity, double DomesticSubstitutionElasticity);
