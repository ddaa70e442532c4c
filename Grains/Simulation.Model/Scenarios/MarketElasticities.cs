namespace Simulation.Model.Scenarios;

/// <summary>The demand-side elasticities that hold in one market: import demand ε (absolute value) and Armington σ.</summary>
public sealed record MarketElasticities(double DemandElasticity, double SubstitutionElasticity);
