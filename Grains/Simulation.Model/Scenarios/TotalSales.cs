namespace Simulation.Model.Scenarios;

/// <summary>
/// A row of <c>supply</c> (DESIGN §3.2, "A complete world"): all of <see cref="Country"/>'s base sales
/// of <see cref="Sector"/> at world prices, T_j, in the scenario's unit, listed markets and the rest
/// together. What the listed markets (home sales included) leave out, R0 = T_j − S_j, is sold
/// elsewhere, in a residual market whose demand elasticity is <see cref="ElsewhereElasticity"/>, or
/// the sector's demand elasticity when it is null.
/// </summary>
public sealed record TotalSales(string Country, string Sector, double Total, double? ElsewhereElasticity = null);
