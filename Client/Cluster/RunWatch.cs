using System.Threading.Channels;
using Simulation.Grains.Abstractions.Runs;

namespace Simulation.Client.Cluster;

/// <summary>
/// Plays a run on a run grain and hears its progress as the grain pushes it (<see cref="IRunObserver"/>),
/// with no polling. It subscribes before it starts the run, so it cannot miss the end: a run that
/// ended before (the same run id submitted again) says so in the status <c>StartAsync</c> returns,
/// and any other ends with a final update pushed to every watcher.
/// </summary>
public sealed class RunWatch : IRunObserver, IDisposable
{
    /// <summary>How long a cancelled watch waits for the silo to hear that the run should stop: a guard against a silo that is gone.</summary>
    private static readonly TimeSpan s_cancelReach = TimeSpan.FromSeconds(5);

    private readonly IGrainFactory grains;
    private readonly IRunGrain run;
    private readonly IRunObserver reference;
    private readonly Channel<RunProgressUpdate> updates = Channel.CreateUnbounded<RunProgressUpdate>(new UnboundedChannelOptions { SingleReader = true });
    private long latest;

    private RunWatch(IGrainFactory grains, IRunGrain run, RunStatus started)
    {
        this.grains = grains;
        this.run = run;
        Started = started;
        reference = grains.CreateObjectReference<IRunObserver>(this);
    }

    /// <summary>The status the run grain gave when the run was started.</summary>
    public RunStatus Started { get; private set; }

    /// <summary>Subscribes to <paramref name="run"/>, then starts it with <paramref name="request"/>.</summary>
    public static async Task<RunWatch> StartAsync(IGrainFactory grains, IRunGrain run, RunRequest request, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(run);
        var watch = new RunWatch(grains, run, new RunStatus(run.GetPrimaryKeyString(), RunPhase.NotStarted, 0, 0, 0, null));
        try
        {
            await run.SubscribeAsync(watch.reference).WaitAsync(cancellation);
            watch.Started = await run.StartAsync(request).WaitAsync(cancellation);
            return watch;
        }
        catch
        {
            watch.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Waits for the run to complete or fail, handing every update newer than the last one seen to
    /// <paramref name="onUpdate"/>, and returns the final status. Cancelled, it asks the run grain to
    /// stop the run too, so a paced run does not play on for nobody.
    /// </summary>
    public async Task<RunStatus> EndAsync(Action<RunProgressUpdate>? onUpdate, CancellationToken cancellation)
    {
        try
        {
            return await NextUntilEndAsync(onUpdate, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            try
            {
                await run.CancelAsync().WaitAsync(s_cancelReach, CancellationToken.None);
            }
            catch (Exception error) when (error is TimeoutException or OrleansException)
            {
                // The silo is out of reach: there is nothing left to stop from here.
            }

            throw;
        }
    }

    private async Task<RunStatus> NextUntilEndAsync(Action<RunProgressUpdate>? onUpdate, CancellationToken cancellation)
    {
        var status = Started;
        while (status.Phase is RunPhase.Running or RunPhase.NotStarted)
        {
            var update = await updates.Reader.ReadAsync(cancellation);
            // One-way pushes are not promised to arrive in order: an older one is not news.
            if (update.Sequence <= latest)
            {
                continue;
            }

            latest = update.Sequence;
            status = update.Status;
            onUpdate?.Invoke(update);
        }

        return status;
    }

    public Task OnProgress(RunProgressUpdate update)
    {
        updates.Writer.TryWrite(update);
        return Task.CompletedTask;
    }

    /// <summary>Stops listening. The run grain forgets its watchers when the run ends.</summary>
    public void Dispose() => grains.DeleteObjectReference<IRunObserver>(reference);
}
