namespace Simulation.Model.Experiments;

/// <summary>
/// A batch as written on the command line or in an experiment file (DESIGN §6.4–6.5): the scenario,
/// the grid (<see cref="Vary"/>, a cartesian product), the sampled inputs, the replicates per
/// variant and the batch seed (null: the scenario's own seed).
/// </summary>
public sealed record Experiment(string Scenario, IReadOnlyList<GridAxis> Vary, IReadOnlyList<SampledInput> Sample, int Runs, long? Seed);
