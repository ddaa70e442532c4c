namespace Simulation.Model.Economics;

/// <summary>
/// A supplier's sales of one sector outside the markets a scenario lists (DESIGN §3.2, "A complete
/// world"), at world prices: <see cref="Before"/> = R0 = T − S, <see cref="After"/> = pw·R0·pw^(−ε_R).
/// </summary>
public sealed record SalesElsewhere(double Before, double After);
