using System.Text.Json;
using Simulation.Model.Reporting;

namespace Simulation.Model.Runs.Journal;

/// <summary>
/// A run's events written one JSON object a line (docs/run-journal.md): the event's <c>type</c>
/// first, then its fields, snake_case, absent fields left out, doubles written round-trip exact (as
/// the outcome is, <see cref="RunOutcomeJson"/>), so the same run gives a byte-identical journal and
/// a line read back and written again is the same line.
/// </summary>
public static class RunJournal
{
    /// <summary>The longest line a journal may hold, in bytes: the largest event, a negotiation's end with its Pareto frontier, is far below it.</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    /// <summary>The largest journal read, in bytes; a run whose journal outgrows it cannot be resumed (the error says so).</summary>
    public const long MaxJournalBytes = 512L * 1024 * 1024;

    /// <summary>The event as its journal line, without the line end.</summary>
    public static string Line(RunEvent runEvent)
    {
        ArgumentNullException.ThrowIfNull(runEvent);
        return JsonSerializer.Serialize(runEvent, RunOutcomeJson.Complete);
    }

    /// <summary>The <c>type</c> names of the events, as the journal writes them, in the order the schema lists them.</summary>
    public static IReadOnlyList<string> TypeNames { get; } =
    [
        "run_started", "negotiation_opened", "turn_taken", "negotiation_ended", "event_applied", "world_changed", "round_completed", "run_ended",
    ];
}
