using System.Threading.Channels;
using Simulation.Grains.Abstractions.Runs;

namespace Simulation.Silo.Live;

/// <summary>
/// This silo's copy of the runs directory's list, for the live page: subscribed to the directory
/// (<see cref="IRunDirectoryObserver"/>), which pushes every change; the page's browsers get the list
/// and then the changes from here, so a page costs the directory nothing. The subscription is
/// renewed every <see cref="RunDirectory.RenewalPeriod"/> with the page's address (a renewal, not
/// polling for progress: the list is re-read then only to repair a push that was lost), which also
/// keeps the directory from being deactivated as idle, and so from forgetting its runs.
/// </summary>
public sealed class RunsHub(IGrainFactory grains, LivePage page, ILogger<RunsHub> logger) : BackgroundService, IRunDirectoryObserver
{
    /// <summary>How many changes a browser may fall behind before it is dropped (it reconnects and starts afresh).</summary>
    private const int Backlog = 1000;

    /// <summary>How soon a subscription that failed (the silo still starting, the directory's silo gone) is tried again.</summary>
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(2);

    private readonly Lock gate = new();
    private readonly RunList runs = new();
    private readonly List<Channel<ListedRun>> listeners = [];
    private IRunDirectoryObserver? reference;

    /// <summary>The page this silo serves, as registered with the directory.</summary>
    public LivePage Page => page;

    public IReadOnlyList<ListedRun> Runs()
    {
        lock (gate)
        {
            return runs.Runs();
        }
    }

    public ListedRun? Find(string runId)
    {
        lock (gate)
        {
            return runs.Find(runId);
        }
    }

    /// <summary>
    /// The run if the cluster's runs directory lists it: this copy first, else the directory itself
    /// (a push to this copy may still be on its way). It asks no run grain: any call to a grain
    /// activates it, so an id from a URL that names no run must not reach one, or every unknown id
    /// would leave an activation behind.
    /// </summary>
    public async Task<ListedRun?> FindListedAsync(string runId, CancellationToken cancellation) =>
        Find(runId) ?? await RunDirectory.Of(grains).FindAsync(runId).WaitAsync(cancellation);

    /// <summary>The list now and, from then on, every change to it, until <see cref="Leave"/>.</summary>
    public (IReadOnlyList<ListedRun> Runs, ChannelReader<ListedRun> Changes, Channel<ListedRun> Listener) Listen()
    {
        var listener = Channel.CreateBounded<ListedRun>(new BoundedChannelOptions(Backlog) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        lock (gate)
        {
            listeners.Add(listener);
            return (runs.Runs(), listener.Reader, listener);
        }
    }

    public void Leave(Channel<ListedRun> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (gate)
        {
            listeners.Remove(listener);
        }

        listener.Writer.TryComplete();
    }

    public Task OnRunListed(ListedRun run)
    {
        Merge([run]);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var directory = RunDirectory.Of(grains);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = RunDirectory.RenewalPeriod;
                try
                {
                    reference ??= grains.CreateObjectReference<IRunDirectoryObserver>(this);
                    await directory.SubscribeAsync(reference, page).WaitAsync(stoppingToken);
                    // Oldest first, as the directory listed them.
                    Merge([.. (await directory.ListAsync().WaitAsync(stoppingToken)).Reverse()]);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    wait = RetryPeriod;
                    logger.LogWarning("The live page could not reach the runs directory ({Error}); trying again in {Wait}.", error.Message, wait);
                }

                await Task.Delay(wait, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        lock (gate)
        {
            foreach (var listener in listeners)
            {
                listener.Writer.TryComplete();
            }

            listeners.Clear();
        }

        if (reference is not null)
        {
            try
            {
                await RunDirectory.Of(grains).UnsubscribeAsync(reference).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The subscription lapses on its own.
                logger.LogDebug("Leaving the runs directory failed: {Error}", error.Message);
            }

            grains.DeleteObjectReference<IRunDirectoryObserver>(reference);
        }
    }

    private void Merge(IEnumerable<ListedRun> arrived)
    {
        lock (gate)
        {
            foreach (var run in arrived)
            {
                if (runs.Merge(run) is not { } changed)
                {
                    continue;
                }

                // A browser too far behind is dropped; its page reconnects and gets the list afresh.
                foreach (var listener in listeners.Where(l => !l.Writer.TryWrite(changed)).ToList())
                {
                    listener.Writer.TryComplete();
                    listeners.Remove(listener);
                }
            }
        }
    }
}
