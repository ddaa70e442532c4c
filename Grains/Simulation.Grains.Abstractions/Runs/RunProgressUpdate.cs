namespace Simulation.Grains.Abstractions.Runs;

/// <summary>
/// Where a run stands, pushed to its watchers after every round and once when it ends: the run's
/// <see cref="RunStatus"/> (phase, round, longest deadline, active negotiations, failure), every
/// opened negotiation's status, and the scenario events that fired in the round just played.
/// <see cref="Sequence"/> counts the updates of this run from 1, so a watcher can tell the latest.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.RunProgressUpdate")]
public sealed record RunProgressUpdate(
    [property: Id(0)] long Sequence,
    [property: Id(1)] RunStatus Status,
    [property: Id(2)] IReadOnlyList<NegotiationProgress> Negotiations,
    [property: Id(3)] IReadOnlyList<string> EventsFired)
{
    /// <summary>Whether this is the run's last update: it completed, failed or was cancelled.</summary>
    public bool IsFinal => Status.Phase is RunPhase.Completed or RunPhase.Failed or RunPhase.Cancelled;
}
