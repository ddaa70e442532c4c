namespace Simulation.Model.Inference;

/// <summary>
/// Simulates target <paramref name="target"/> (an episode) at a proposal's parameters. It must be
/// a function of its arguments alone, so a calibration is the same whatever runs in parallel; a
/// run that cannot be made returns <see cref="SimulatedOutcome.Failed"/> rather than throwing.
/// </summary>
public delegate Task<SimulatedOutcome> AbcSimulator(Proposal proposal, int target, CancellationToken cancellationToken);
