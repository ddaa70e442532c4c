namespace Simulation.Model.Inference;

/// <summary>The level of an issue closest to an observed value, and whether the value was that level exactly.</summary>
public readonly record struct NearestLevel(int Index, bool Exact);
