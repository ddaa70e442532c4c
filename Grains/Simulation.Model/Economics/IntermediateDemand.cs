namespace Simulation.Model.Economics;

/// <summary>
/// Producers' demand in a country's market for an input (DESIGN §3.2): <see cref="BaseSpending"/>
/// I0 = Σ_s a_k X0_cs, and <see cref="Quantity"/> = Σ_s a_k X0_cs X̂_cs now (Leontief: input use
/// moves with output), both in the market's base spending units.
/// </summary>
public readonly record struct IntermediateDemand(double BaseSpending, double Quantity);
