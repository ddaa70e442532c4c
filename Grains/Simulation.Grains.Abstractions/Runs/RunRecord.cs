using Simulation.Model.Reporting;
using Simulation.Model.Runs.Journal;

namespace Simulation.Grains.Abstractions.Runs;

/// <summary>
/// What a run grain keeps of its run, in one record it writes to grain storage at the start, at the
/// end of every round and at the end (DESIGN §5.3): the request (scenario text, file, seed, pace),
/// the phase, why it failed, the last round completed, the run's events so far (its journal), and
/// the outcome once there is one. The rest of a run (the parsed scenario, the engine, the watchers)
/// is rebuilt from the request. A run that fails or is cancelled is cleared from storage at its end,
/// so that the same run id plays afresh later. Persisted, so every field has an explicit id and the
/// record an alias.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.RunRecord")]
public sealed record RunRecord
{
    [Id(0)]
    public RunRequest? Request { get; init; }

    [Id(1)]
    public RunPhase Phase { get; init; }

    [Id(2)]
    public string? Failure { get; init; }

    /// <summary>The last round played with its agreements applied (0 before the first).</summary>
    [Id(3)]
    public int CompletedRound { get; init; }

    [Id(4)]
    public RunOutcome? Outcome { get; init; }

    /// <summary>
    /// The run's events up to <see cref="CompletedRound"/> (the end, once over) as their journal lines
    /// (<see cref="RunJournal.Line"/>), numbered from 1: each event is written once, as it is told,
    /// so keeping the record copies text rather than serializing the journal again at every round.
    /// </summary>
    [Id(5)]
    public IReadOnlyList<string> Journal { get; init; } = [];

    /// <summary>Whether the run is over: completed, failed or cancelled.</summary>
    public bool IsOver => Phase is RunPhase.Completed or RunPhase.Failed or RunPhase.Cancelled;
}
