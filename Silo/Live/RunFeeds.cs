using System.Threading.Channels;
using Simulation.Grains.Abstractions.Runs;

namespace Simulation.Silo.Live;

/// <summary>
/// The runs the live page's browsers are watching: one subscription to a run grain per run, shared
/// by every browser on it (<see cref="RunFeed"/>), taken when the first browser comes and dropped
/// when the last one leaves or the run ends.
/// </summary>
public sealed class RunFeeds(IGrainFactory grains, RunsHub hub, ILogger<RunFeeds> logger)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, RunFeed> feeds = new(StringComparer.Ordinal);

    /// <summary>
    /// Starts watching a run: its progress so far and a reader of the updates after it, in sequence
    /// order, which completes when the run ends. Null if no such run is known. Dispose to leave.
    /// </summary>
    public async Task<RunWatch?> WatchAsync(string runId, CancellationToken cancellation)
    {
        RunFeed feed;
        lock (gate)
        {
            if (!feeds.TryGetValue(runId, out feed!))
            {
                feed = new RunFeed(runId, this);
                feeds[runId] = feed;
                feed.Start(grains, hub.Find);
            }

            feed.Interest++;
        }

        RunProgressUpdate? known;
        try
        {
            known = await feed.Ready.WaitAsync(cancellation);
        }
        catch
        {
            Leave(feed, null);
            throw;
        }

        if (known is null)
        {
            Leave(feed, null);
            return null;
        }

        lock (gate)
        {
            return feed.Join();
        }
    }

    internal void Leave(RunFeed feed, Channel<RunProgressUpdate>? watcher)
    {
        lock (gate)
        {
            if (watcher is not null)
            {
                feed.Watchers.Remove(watcher);
                watcher.Writer.TryComplete();
            }

            if (--feed.Interest == 0)
            {
                Retire(feed);
            }
        }
    }

    /// <summary>Drops a feed's subscription (under <see cref="gate"/>): the last watcher left, or the run ended or is unknown.</summary>
    internal void Retire(RunFeed feed)
    {
        if (feed.Retired)
        {
            return;
        }

        feed.Retired = true;
        if (feeds.TryGetValue(feed.RunId, out var current) && current == feed)
        {
            feeds.Remove(feed.RunId);
        }

        foreach (var watcher in feed.Watchers)
        {
            watcher.Writer.TryComplete();
        }

        feed.Watchers.Clear();
        _ = feed.UnsubscribeAsync(logger);
    }

    internal Lock Gate => gate;
}
