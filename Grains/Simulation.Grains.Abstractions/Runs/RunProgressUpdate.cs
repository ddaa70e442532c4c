using System.Text.Json.Serialization;
using Simulation.Model.Runs.Journal;

namespace Simulation.Grains.Abstractions.Runs;

/// <summary>
/// Where a run stands, pushed to its watchers after every round and once when it ends: the run's
/// <see cref="RunStatus"/> (phase, round, horizon, active negotiations, failure), every
/// opened negotiation with its standing offer and the turns played since the previous update, and
/// the scenario events fired and the tariff changes made since then. <see cref="Sequence"/> counts
/// the updates of this run from 1, so a watcher can put them in order (<see cref="RunProgressSequence"/>).
/// A snapshot (<see cref="IRunGrain.GetProgressAsync"/>) has the same shape with everything so far,
/// and the sequence of the last update pushed before it.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.RunProgressUpdate")]
public sealed record RunProgressUpdate(
    [property: Id(0)] long Sequence,
    [property: Id(1)] RunStatus Status,
    [property: Id(4)] string Scenario,
    [property: Id(2)] IReadOnlyList<NegotiationProgress> Negotiations,
    [property: Id(3)] IReadOnlyList<string> EventsFired,
    [property: Id(5)] IReadOnlyList<string> TariffChanges)
{
    /// <summary>
    /// The run's events this update brings, in order: those told since the previous update (all of
    /// them so far in a snapshot), numbered from <see cref="EventsBefore"/> + 1 in the run's journal.
    /// Not part of the live page's JSON, which shows the rest.
    /// </summary>
    [Id(6)]
    [JsonIgnore]
    public IReadOnlyList<RunEvent> Events { get; init; } = [];

    /// <summary>How many of the run's events came before <see cref="Events"/>.</summary>
    [Id(7)]
    [JsonIgnore]
    public long EventsBefore { get; init; }

    /// <summary>Whether this is the run's last update: it completed, failed or was cancelled.</summary>
    public bool IsFinal => Status.Phase is RunPhase.Completed or RunPhase.Failed or RunPhase.Cancelled;
}
