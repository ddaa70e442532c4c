namespace Simulation.Grains.Abstractions.Runs;

/// <summary>
/// Puts a run's pushed updates back in order. Orleans does not promise that one-way calls arrive in
/// the order they were sent (a run's final update has been seen to overtake a dozen rounds), and a
/// watcher that shows deltas (turns, events) must apply every update once, in sequence. Updates are
/// held until the ones before them have arrived; older ones are dropped.
/// </summary>
/// <remarks>
/// A watcher subscribed before the run started begins after 0. One joining a run under way
/// subscribes, takes a snapshot (<see cref="IRunGrain.GetProgressAsync"/>) and begins after the
/// snapshot's sequence: updates that arrived in between are held, and those the snapshot already
/// covers are dropped then. Not thread-safe: one watcher calls it from one place at a time.
/// </remarks>
public sealed class RunProgressSequence
{
    private readonly SortedDictionary<long, RunProgressUpdate> held = [];
    private long? latest;

    /// <summary>A sequence that holds everything until <see cref="BeginAfter"/> says where it starts.</summary>
    public RunProgressSequence()
    {
    }

    /// <summary>A sequence whose next update is numbered <paramref name="after"/> + 1.</summary>
    public RunProgressSequence(long after) => latest = after;

    /// <summary>The sequence number of the last update released, or null before the start is known.</summary>
    public long? Latest => latest;

    /// <summary>How many updates are held, waiting for earlier ones.</summary>
    public int Held => held.Count;

    /// <summary>
    /// Starts the sequence after <paramref name="sequence"/> (a snapshot's), drops the held updates
    /// the snapshot covers and returns, in order, those that can follow it.
    /// </summary>
    public IReadOnlyList<RunProgressUpdate> BeginAfter(long sequence)
    {
        if (latest is not null)
        {
            throw new InvalidOperationException($"The sequence already began after {latest}.");
        }

        latest = sequence;
        foreach (var covered in held.Keys.Where(k => k <= sequence).ToList())
        {
            held.Remove(covered);
        }

        return Release();
    }

    /// <summary>
    /// Moves the start on to <paramref name="sequence"/> (a later snapshot's: updates before it were
    /// lost, with the silo that pushed them) when it is ahead of the last update released: drops the
    /// held updates it covers and returns, in order, those that can follow it. Null when it is not
    /// ahead, and nothing changes.
    /// </summary>
    public IReadOnlyList<RunProgressUpdate>? SkipTo(long sequence)
    {
        if (latest is null || sequence <= latest)
        {
            return null;
        }

        latest = sequence;
        foreach (var covered in held.Keys.Where(k => k <= sequence).ToList())
        {
            held.Remove(covered);
        }

        return Release();
    }

    /// <summary>Takes one arrived update and returns, in order, every update that can now be applied (often none or one).</summary>
    public IReadOnlyList<RunProgressUpdate> Accept(RunProgressUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Sequence <= latest)
        {
            return [];
        }

        held.TryAdd(update.Sequence, update);
        return latest is null ? [] : Release();
    }

    private List<RunProgressUpdate> Release()
    {
        var released = new List<RunProgressUpdate>();
        while (held.Remove(latest!.Value + 1, out var next))
        {
            released.Add(next);
            latest = next.Sequence;
        }

        return released;
    }
}
