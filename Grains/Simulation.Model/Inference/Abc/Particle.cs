namespace Simulation.Model.Inference;

/// <summary>An accepted proposal: its number in its generation, values in the priors' order, normalised weight and distance D.</summary>
public sealed record Particle(int Number, IReadOnlyList<double> Values, double Weight, double Distance);
