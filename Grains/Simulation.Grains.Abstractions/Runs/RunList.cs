namespace Simulation.Grains.Abstractions.Runs;

/// <summary>
/// The most recent runs, each with its latest report, bounded to <see cref="Capacity"/>: the runs
/// directory keeps one, and each live page hub a copy fed by the directory's pushes. A report that
/// arrives after a later one of the same run (one-way calls may overtake each other) is ignored, so
/// a finished run never shows as running again. When the list is full, the run listed first goes.
/// Not thread-safe.
/// </summary>
public sealed class RunList(int capacity = RunList.Capacity)
{
    /// <summary>How many runs the directory keeps by default: enough to find today's runs, few enough to send whole.</summary>
    public const int Capacity = 100;

    private readonly Dictionary<string, ListedRun> runs = new(StringComparer.Ordinal);
    private long listed;

    public int Count => runs.Count;

    /// <summary>A run grain's report. Returns the run as now listed, or null if the report changed nothing.</summary>
    public ListedRun? Report(RunListing run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (runs.TryGetValue(run.RunId, out var known))
        {
            return run.IsLaterThan(known.Run) ? runs[run.RunId] = known with { Run = run } : null;
        }

        var added = new ListedRun(++listed, run);
        runs[run.RunId] = added;
        Trim();
        return runs.ContainsKey(run.RunId) ? added : null;
    }

    /// <summary>
    /// A run as the directory numbered it (a copy of the directory's list). Returns it if it changed
    /// the copy, or null if the copy already held this report or a later one.
    /// </summary>
    public ListedRun? Merge(ListedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (runs.TryGetValue(run.Run.RunId, out var known) && !run.Run.IsLaterThan(known.Run))
        {
            return null;
        }

        runs[run.Run.RunId] = run;
        listed = Math.Max(listed, run.Listed);
        Trim();
        return runs.ContainsKey(run.Run.RunId) ? run : null;
    }

    /// <summary>The runs, most recently listed first.</summary>
    public IReadOnlyList<ListedRun> Runs() => [.. runs.Values.OrderByDescending(r => r.Listed)];

    public ListedRun? Find(string runId) => runs.GetValueOrDefault(runId);

    private void Trim()
    {
        while (runs.Count > capacity)
        {
            var first = runs.Values.MinBy(r => r.Listed)!;
            runs.Remove(first.Run.RunId);
        }
    }
}
