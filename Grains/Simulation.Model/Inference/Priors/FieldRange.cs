namespace Simulation.Model.Inference;

/// <summary>The numbers a scenario field accepts, [Min, Max], or (Min, Max] when <paramref name="MinExclusive"/>; <paramref name="Text"/> says it in messages.</summary>
public sealed record FieldRange(double Min, double Max, bool MinExclusive, string Text);
