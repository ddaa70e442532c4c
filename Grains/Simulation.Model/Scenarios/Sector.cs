namespace Simulation.Model.Scenarios;

/// <summary>
/// A sector and its elasticities. Demand elasticity is the absolute value of the import demand
/// elasticity ε; substitution elasticity is the Armington σ between sources; supply elasticity is
/// the export supply elasticity ε_x, <see cref="double.PositiveInfinity"/> for infinite supply.
/// </summary>
public sealed record Sector(string Name, double DemandElasticity, double SubstitutionElasticity, double SupplyElasticity);
