using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Grains.Hosting;

namespace Simulation.Grains.Runs;

/// <summary>
/// The runs on the cluster (<see cref="IRunDirectoryGrain"/>): the most recent runs with their
/// latest status (<see cref="RunList"/>), each change pushed to the subscribed live page hubs, and
/// the live pages those hubs serve. The list is kept in the run storage (on a cluster, its Redis),
/// written at most once every <see cref="WriteEvery"/> while reports arrive and when the grain is
/// deactivated other than by its silo shutting down, so a batch of thousands of runs costs a write a second, not two per run; if its
/// silo dies, the directory comes back on another with the list as last written, and the next
/// reports bring it up to date.
/// </summary>
public sealed class RunDirectoryGrain(
    ILogger<RunDirectoryGrain> logger,
    [PersistentState("directory", TradeSimSiloBuilderExtensions.RunStorage)] IPersistentState<RunDirectoryRecord> record) : Grain, IRunDirectoryGrain
{
    /// <summary>How often a changed list is written, at most.</summary>
    public static readonly TimeSpan WriteEvery = TimeSpan.FromSeconds(1);

    private readonly RunList runs = new();
    private readonly ObserverManager<IRunDirectoryObserver, Watcher> watchers = new(RunDirectory.SubscriptionLifetime, logger);
    private bool changed;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var run in record.State.Runs)
        {
            runs.Merge(run);
        }

        this.RegisterGrainTimer(WriteAsync, new GrainTimerCreationOptions { DueTime = WriteEvery, Period = WriteEvery });
        return Task.CompletedTask;
    }

    /// <remarks>
    /// Not written when the silo shuts down: the timer has written it within the last second, and a
    /// silo's in-memory storage (the embedded silo's) is itself going away then, so the write would
    /// only fail and log errors into the command's output.
    /// </remarks>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        reason.ReasonCode == DeactivationReasonCode.ShuttingDown ? Task.CompletedTask : WriteAsync(cancellationToken);

    public Task ReportAsync(RunListing run)
    {
        if (runs.Report(run) is { } listed)
        {
            changed = true;

            // One-way: a hub that cannot be reached is dropped, and renews itself when it can.
            watchers.Notify(watcher => _ = watcher.Observer.OnRunListed(listed));
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

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        if (!changed)
        {
            return;
        }

        changed = false;
        record.State = new RunDirectoryRecord { Runs = runs.Runs() };
        try
        {
            await record.WriteStateAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The list is a view for people: a write that failed (Redis away) is tried again at the
            // next tick, and the runs themselves are not held up.
            changed = true;
            logger.LogWarning("The runs directory could not be written to storage; trying again: {Reason}", error.Message);
        }
    }

    private sealed record Watcher(IRunDirectoryObserver Observer, LivePage? Page);
}
