namespace Simulation.Model.Runs.Journal;

/// <summary>
/// Resumes an interrupted run by playing it again from its start, deterministically, and checking
/// every event the run makes against the journal's line until the journal's last completed round;
/// the events after it are new, and go to the journal's end. The run is played again rather than
/// fast-forwarded (applying the journaled moves without asking the negotiators) because a
/// negotiator's state (its opponent model, its bidding state, the generators seeded per turn) is
/// rebuilt exactly only by letting it decide again; the check proves the state rebuilt is the one
/// the journal recorded, line by line.
/// </summary>
public sealed class JournalReplay
{
    private readonly IReadOnlyList<string> _lines;
    private readonly Func<Action<RunEvent>> _openJournalEnd;
    private Action<RunEvent>? _append;
    private int _told;

    /// <param name="journal">The journal as read (<see cref="RunJournalReader"/>).</param>
    /// <param name="openJournalEnd">
    /// Opens the journal for the new events, after its last completed round; called at the first new
    /// event, so a journal that differs from the run is left as it was.
    /// </param>
    public JournalReplay(InterruptedRun journal, Func<Action<RunEvent>> openJournalEnd)
        : this((journal ?? throw new ArgumentNullException(nameof(journal))).Lines, openJournalEnd)
    {
    }

    /// <param name="lines">
    /// The journal's lines up to its last completed round, held elsewhere than in a file (a run
    /// grain's record, DESIGN §5.3).
    /// </param>
    /// <param name="openJournalEnd">Where the new events go, opened at the first of them.</param>
    public JournalReplay(IReadOnlyList<string> lines, Func<Action<RunEvent>> openJournalEnd)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(openJournalEnd);
        _lines = lines;
        _openJournalEnd = openJournalEnd;
    }

    /// <summary>
    /// Refuses a journal of another scenario text or another seed than the run about to resume it
    /// (<paramref name="run"/>), before anything is played or written.
    /// </summary>
    /// <exception cref="JournalException">It is another run's.</exception>
    public static void CheckBelongsTo(InterruptedRun journal, RunStarted run)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(run);
        var recorded = journal.Started;
        if (!string.Equals(recorded.Sha256, run.Sha256, StringComparison.Ordinal))
        {
            throw new JournalException(
                $"is the journal of a run of scenario '{recorded.Scenario}' with SHA-256 {recorded.Sha256}, not of this scenario file (SHA-256 {run.Sha256})", 1);
        }

        if (recorded.Seed != run.Seed)
        {
            throw new JournalException($"is the journal of a run with seed {recorded.Seed}, not {run.Seed}", 1);
        }
    }

    /// <summary>The listener for the resumed run's engine (<see cref="RunEngine.RunAsync"/>).</summary>
    /// <exception cref="JournalException">The run made an event other than the journal's line: the first line that differs.</exception>
    public void Tell(RunEvent runEvent)
    {
        if (_told < _lines.Count)
        {
            var line = RunJournal.Line(runEvent);
            if (!string.Equals(line, _lines[_told], StringComparison.Ordinal))
            {
                throw new JournalException(
                    $"line {_told + 1} is not what the run makes when played again from the scenario: the journal has {Clip(_lines[_told])}, the run {Clip(line)}",
                    _told + 1);
            }
        }
        else
        {
            (_append ??= _openJournalEnd())(runEvent);
        }

        _told++;
    }

    /// <summary>A line short enough for a message.</summary>
    private static string Clip(string line) => line.Length <= 160 ? line : line[..160] + "…";
}
