namespace Simulation.Model.Inference.Forecasts;

/// <summary>One weighted particle of a posterior: its id, its weight, and its value at each of the posterior's paths, as a scenario writes it.</summary>
public sealed record PosteriorParticle(string Id, double Weight, IReadOnlyList<string> Values);
