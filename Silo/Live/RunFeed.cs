using System.Threading.Channels;
using Simulation.Grains.Abstractions.Runs;

namespace Simulation.Silo.Live;

/// <summary>
/// One run's progress, for every browser watching it: one <see cref="RunFollower"/> subscribed to
/// the run grain first, then the grain's snapshot, then the pushed updates numbered after it, in
/// order (one-way pushes may overtake each other). The
/// feed keeps everything so far as one snapshot, so a browser joining later starts from it and
/// then hears exactly the updates after it, without another call to the grain. Its state is
/// guarded by the lock of its <see cref="RunFeeds"/>.
/// </summary>
public sealed class RunFeed
{
    /// <summary>How many updates a browser may fall behind before it is dropped (it reconnects and starts afresh).</summary>
    private const int Backlog = 1000;

    private readonly RunFeeds owner;
    private RunFollower? follower;
    private RunProgressUpdate? current;

    internal RunFeed(string runId, RunFeeds owner)
    {
        RunId = runId;
        this.owner = owner;
    }

    public string RunId { get; }

    /// <summary>The run's progress when the feed was set up, or null if no such run is known.</summary>
    internal Task<RunProgressUpdate?> Ready { get; private set; } = Task.FromResult<RunProgressUpdate?>(null);

    /// <summary>Browsers watching or about to: the feed is retired when none is left.</summary>
    internal int Interest { get; set; }

    internal List<Channel<RunProgressUpdate>> Watchers { get; } = [];

    internal bool Retired { get; set; }

    internal void Start(IGrainFactory grains, Func<string, ListedRun?> listing) =>
        Ready = Task.Run(() => StartAsync(grains, listing));

    private async Task<RunProgressUpdate?> StartAsync(IGrainFactory grains, Func<string, ListedRun?> listing)
    {
        var run = grains.GetGrain<IRunGrain>(RunId);
        follower = new RunFollower(grains, run, owner.Gate, Apply);
        RunProgressUpdate? snapshot;
        try
        {
            // Subscribe first, then take the snapshot: an update pushed in between is held by the
            // follower and handed on after the snapshot, or dropped if the snapshot covers it.
            await follower.SubscribeAsync();
            snapshot = await run.GetProgressAsync();
        }
        catch
        {
            lock (owner.Gate)
            {
                owner.Retire(this);
            }

            throw;
        }

        if (snapshot.Status.Phase == RunPhase.NotStarted)
        {
            // A run grain never started is no run; but a cancelled run's grain is deactivated and
            // comes back not started, and the runs directory remembers how the run ended.
            snapshot = listing(RunId) is { Run.Status.Phase: not RunPhase.NotStarted } listed
                ? new RunProgressUpdate(0, listed.Run.Status, listed.Run.Scenario, [], [], [])
                : null;
        }

        lock (owner.Gate)
        {
            if (snapshot is null)
            {
                owner.Retire(this);
                return null;
            }

            current = snapshot;
            follower.BeginAfter(snapshot);
            if (current.IsFinal)
            {
                owner.Retire(this);
            }

            return current;
        }
    }

    /// <summary>A browser joins (under the lock): everything so far, and the updates from now on.</summary>
    internal RunWatch Join()
    {
        var watcher = Channel.CreateBounded<RunProgressUpdate>(new BoundedChannelOptions(Backlog) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        if (Retired)
        {
            // The run has ended: its snapshot is all there is.
            watcher.Writer.TryComplete();
        }
        else
        {
            Watchers.Add(watcher);
        }

        return new RunWatch(current!, watcher.Reader, () => owner.Leave(this, watcher));
    }

    internal async Task UnsubscribeAsync(ILogger logger)
    {
        try
        {
            await Ready;
        }
        catch (Exception error)
        {
            logger.LogDebug("Watching run {RunId} failed: {Error}", RunId, error.Message);
        }

        if (follower is null)
        {
            return;
        }

        try
        {
            await follower.UnsubscribeAsync();
        }
        catch (Exception error)
        {
            // The run grain drops a watcher it cannot reach on its next push anyway.
            logger.LogDebug("Leaving run {RunId} failed: {Error}", RunId, error.Message);
        }
    }

    /// <summary>
    /// Takes one update in sequence (under the lock, from the follower) into the snapshot and passes
    /// it to every browser; the final one retires the feed.
    /// </summary>
    private void Apply(RunProgressUpdate update)
    {
        if (Retired)
        {
            return;
        }

        current = Accumulate(current!, update);
        foreach (var watcher in Watchers.Where(w => !w.Writer.TryWrite(update)).ToList())
        {
            // Too far behind: its page reconnects and starts again from a snapshot.
            watcher.Writer.TryComplete();
            Watchers.Remove(watcher);
        }

        if (update.IsFinal)
        {
            foreach (var watcher in Watchers)
            {
                watcher.Writer.TryComplete();
            }

            owner.Retire(this);
        }
    }

    /// <summary>
    /// Everything so far after <paramref name="update"/>: its status and negotiations, with the turns,
    /// events and tariff changes it brings added to those before it (an update carries only the news).
    /// </summary>
    internal static RunProgressUpdate Accumulate(RunProgressUpdate snapshot, RunProgressUpdate update)
    {
        var turns = snapshot.Negotiations.ToDictionary(n => n.Negotiation, n => n.Turns, StringComparer.Ordinal);
        return update with
        {
            Negotiations = [.. update.Negotiations.Select(n => n with { Turns = [.. turns.GetValueOrDefault(n.Negotiation) ?? [], .. n.Turns] })],
            EventsFired = [.. snapshot.EventsFired, .. update.EventsFired],
            TariffChanges = [.. snapshot.TariffChanges, .. update.TariffChanges],
        };
    }
}
