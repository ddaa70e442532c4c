using Simulation.Model.Negotiation;

namespace Simulation.Model.Inference;

/// <summary>
/// How one simulation of an episode's negotiation ended: its status and the level of each issue
/// (<see cref="NegotiationIssues.EndLevels"/>), or <see cref="Failed"/> when the run could not be
/// made (a value the scenario refuses, a run that failed).
/// </summary>
public sealed record SimulatedOutcome(NegotiationStatus? Status, IReadOnlyList<int> Levels)
{
    /// <summary>A run that failed: it matches no observed status, so its distance is 1, the largest an episode gives.</summary>
    public static SimulatedOutcome Failed { get; } = new(null, []);

    public bool IsFailed => Status is null;
}
