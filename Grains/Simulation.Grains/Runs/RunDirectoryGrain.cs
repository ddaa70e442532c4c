using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using Simulation.Grains.Abstractions.Runs;

namespace Simulation.Grains.Runs;

/// <summary>
/// The runs on the cluster (<see cref="IRunDirectoryGrain"/>): the most recent runs with their
/// latest status (<see cref="RunList"/>), each change pushed to the subscribed live page hubs, and
/// the live pages those hubs serve. Held in memory: it is rebuilt from the next reports if its
/// silo goes away.
/// </summary>
public sealed class RunDirectoryGrain(ILogger<RunDirectoryGrain> logger) : Grain, IRunDirectoryGrain
{
    private readonly RunList runs = new();
    private readonly ObserverManager<IRunDirectoryObserver, Watcher> watchers = new(RunDirectory.SubscriptionLifetime, logger);

    public Task ReportAsync(RunListing run)
    {
        if (runs.Report(run) is { } changed)
        {
            // One-way: a hub that cannot be reached is dropped, and renews itself when it can.
            watchers.Notify(watcher => _ = watcher.Observer.OnRunListed(changed));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ListedRun>> ListAsync() => Task.FromResult(runs.Runs());

    public Task<ListedRun?> FindAsync(string runId) => Task.FromResult(runs.Find(runId));

    public Task SubscribeAsync(IRunDirectoryObserver observer, LivePage? page)
    {
        watchers.Subscribe(observer, new Watcher(observer, page));
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IRunDirectoryObserver observer)
    {
        watchers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<LivePage>> GetPagesAsync()
    {
        watchers.ClearExpired();
        IReadOnlyList<LivePage> pages = [.. watchers.Observers.Values
            .Select(w => w.Page)
            .OfType<LivePage>()
            .DistinctBy(p => p.LiveUrl)
            .OrderBy(p => p.LiveUrl, StringComparer.Ordinal)];
        return Task.FromResult(pages);
    }

    private sealed record Watcher(IRunDirectoryObserver Observer, LivePage? Page);
}
