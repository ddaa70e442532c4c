using System.Diagnostics;
using System.Threading.Channels;
using Simulation.Grains.Abstractions.Runs;

namespace Simulation.Client.Cluster;

/// <summary>
/// Plays a run on a run grain and hears its progress as the grain pushes it (<see cref="IRunObserver"/>),
/// with no polling. It subscribes before it starts the run and applies the pushed updates in order
/// and each once (<see cref="RunFollower"/>): one-way pushes may overtake each other. A run
/// that had pushed nothing when the watch subscribed is heard from its first update; one under way
/// already (the same run id started by someone else) or over (submitted again) is first taken as a
/// snapshot of what its watchers were told so far (<see cref="IRunGrain.GetProgressAsync"/>), and
/// followed with the updates numbered after it. So it cannot miss the end: a run already over ends
/// with its snapshot, any other with a final update pushed to every watcher.
/// </summary>
/// <remarks>
/// A pushed update can be lost with the silo that sends it. While no update arrives for
/// <see cref="QuietLimit"/>, the watch asks the run grain for its status: a liveness check, not a
/// poll for progress. A run that ended but whose final update never came ends with a snapshot.
/// A grain that does not answer means its silo is gone: the watch asks again until the cluster has
/// declared that silo dead and the run grain answers from a survivor, where it goes on with the run
/// from its record (DESIGN §5.3). The watch then follows it again (<see cref="RejoinAsync"/>), so
/// the person watching sees the run go on, each round once. Only a grain still out of reach after
/// <see cref="RecoveryLimit"/> (no silo left to take the run) fails the watch, with a
/// <see cref="SiloLostException"/> naming the silo.
/// </remarks>
public sealed class RunWatch : IDisposable
{
    /// <summary>How long a cancelled watch waits for the silo to hear that the run should stop: a guard against a silo that is gone.</summary>
    private static readonly TimeSpan s_cancelReach = TimeSpan.FromSeconds(5);

    /// <summary>How long a liveness check, or a question that the run grain answers at once, waits before taking the silo for gone.</summary>
    internal static readonly TimeSpan Reach = TimeSpan.FromSeconds(10);

    /// <summary>How long the watch waits between two attempts to reach a run grain whose silo stopped answering.</summary>
    private static readonly TimeSpan s_retryInterval = TimeSpan.FromSeconds(1);

    private readonly IRunGrain run;
    private readonly RunRequest request;
    private readonly string silo;
    private readonly RunFollower follower;

    /// <summary>
    /// The updates the follower released, in order, for the watch's caller to take on its own thread,
    /// each marked whether it is a snapshot of everything so far.
    /// </summary>
    private readonly Channel<(RunProgressUpdate Update, bool Snapshot)> released =
        Channel.CreateUnbounded<(RunProgressUpdate, bool)>(new UnboundedChannelOptions { SingleReader = true });
    private bool hearsFromFirst;

    // Whether a call found the run grain out of reach since the watch last followed it: its run may
    // go on in a new activation, which knows nothing of this watch.
    private bool unreached;

    private RunWatch(IGrainFactory grains, IRunGrain run, RunRequest request, string silo, RunStatus started)
    {
        this.run = run;
        this.request = request;
        this.silo = silo;
        Started = started;
        follower = new RunFollower(grains, run, new Lock(), update => released.Writer.TryWrite((update, false)));
    }

    /// <summary>
    /// How long the watch waits for an update before it checks that the run grain is still there.
    /// Rounds take milliseconds, so a few seconds of quiet mean a pace wait or a silo in trouble;
    /// a check costs one call, so it need not wait for a long pace to pass.
    /// </summary>
    public TimeSpan QuietLimit { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long the watch keeps trying to reach a run grain whose silo stopped answering: time for the
    /// cluster to declare the silo dead (Simulation.Grains.Hosting.FailureDetection: about 15 s at
    /// worst) and for a survivor to take the run. Longer means no silo is left that can.
    /// </summary>
    public TimeSpan RecoveryLimit { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The status the run grain gave when the run was started.</summary>
    public RunStatus Started { get; private set; }

    /// <summary>
    /// Subscribes to <paramref name="run"/>, then starts it with <paramref name="request"/>.
    /// <paramref name="silo"/> names where the grain lives, for the message if it is lost.
    /// </summary>
    public static Task<RunWatch> StartAsync(IGrainFactory grains, IRunGrain run, RunRequest request, string silo, CancellationToken cancellation) =>
        StartAsync(grains, run, (run ?? throw new ArgumentNullException(nameof(run))).GetPrimaryKeyString(), request, silo, cancellation);

    /// <summary>As the public overload, with the run id given rather than read from the grain reference.</summary>
    /// <remarks>
    /// Both calls are bounded and asked again as every other (<see cref="AskAsync{T}"/>): a start
    /// sent to a silo that died goes unanswered (the client hears of a dead silo only through its
    /// gateway, and an answer lost with it would be waited for until the response timeout), so it
    /// is asked again, by the run's id, until the cluster has declared the silo dead and the run
    /// grain answers from a survivor: resumed from its record, over already, or started there. A
    /// start is idempotent: the run id names the run, so no run is played twice. The run grain
    /// answers a start at once, even while it plays, so the bound is no limit on a run's length.
    /// </remarks>
    internal static async Task<RunWatch> StartAsync(IGrainFactory grains, IRunGrain run, string runId, RunRequest request, string silo, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(run);
        var watch = new RunWatch(grains, run, request, silo, new RunStatus(runId, RunPhase.NotStarted, 0, 0, 0, null));
        try
        {
            var subscribed = await watch.AskAsync(watch.follower.SubscribeAsync, "a request to follow it", cancellation);
            // A run grain pushes after a round has been played, or at the end: before either, this
            // watch will hear every update from the first. A start asked again may reach a new
            // activation, which this watch does not follow yet: the first liveness check follows it
            // there (the call found the grain out of reach).
            watch.hearsFromFirst = subscribed.Phase == RunPhase.NotStarted || subscribed is { Phase: RunPhase.Running, Round: 0 };
            watch.Started = await watch.AskAsync(() => run.StartAsync(request), "a request to start it", cancellation);
            return watch;
        }
        catch
        {
            watch.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Waits for the run to complete, fail or be cancelled, handing <paramref name="onUpdate"/> the
    /// run's progress in order: first a snapshot if the run had told anything before (its second
    /// argument true: everything so far), then every pushed update after it once (false: the news
    /// since the previous one), and returns the final status. Cancelled, it asks the run grain to
    /// stop the run too, so a paced run does not play on for nobody.
    /// </summary>
    public async Task<RunStatus> EndAsync(Action<RunProgressUpdate, bool>? onUpdate, CancellationToken cancellation)
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

    private async Task<RunStatus> NextUntilEndAsync(Action<RunProgressUpdate, bool>? onUpdate, CancellationToken cancellation)
    {
        // Subscribed before the first push: every update will arrive, from the first. Else the run
        // was under way (or over) already, and what came before is in a snapshot; every update
        // after it will arrive, or is held already.
        var snapshot = hearsFromFirst && Started.Phase is RunPhase.NotStarted or RunPhase.Running
            ? new RunProgressUpdate(0, Started, "", [], [], [])
            : await AskAsync(run.GetProgressAsync, "a request for its progress", cancellation);
        if (snapshot.Sequence > 0 || snapshot.IsFinal)
        {
            onUpdate?.Invoke(snapshot, true);
        }

        if (snapshot.IsFinal)
        {
            return snapshot.Status;
        }

        follower.BeginAfter(snapshot);
        // The round of the last update handed on: a run grain found past it has told something this
        // watch did not hear.
        var heard = snapshot.Status.Round;
        while (true)
        {
            if (await NextReleasedAsync(cancellation) is not { } next)
            {
                // Quiet for a while: is the run grain still there, and did its run end unheard?
                var now = await AskAsync(run.GetStatusAsync, "a status check", cancellation);
                if (now.Phase is RunPhase.Completed or RunPhase.Failed or RunPhase.Cancelled)
                {
                    var last = await AskAsync(run.GetProgressAsync, "a request for its progress", cancellation);
                    onUpdate?.Invoke(last, true);
                    return last.Status;
                }

                if (unreached || now.Round > heard || now.Phase == RunPhase.NotStarted)
                {
                    await RejoinAsync(cancellation);
                }

                continue;
            }

            var (update, whole) = next;
            heard = update.Status.Round;
            onUpdate?.Invoke(update, whole);
            if (update.IsFinal)
            {
                return update.Status;
            }
        }
    }

    /// <summary>
    /// Follows the run again after its grain was out of reach, or moved on unheard: the activation
    /// now answering may be a new one, on a survivor, that resumed the run from its record and knows
    /// no watcher. The watch subscribes to it; a run whose record was lost with its silo is started
    /// again under its id (being deterministic, it ends the same); and a snapshot fills in what the
    /// pushes lost with the old silo did not bring. Updates the new activation pushes again under
    /// numbers already heard are dropped, so no round is shown twice.
    /// </summary>
    private async Task RejoinAsync(CancellationToken cancellation)
    {
        unreached = false;
        var status = await AskAsync(follower.SubscribeAsync, "a request to follow it again", cancellation);
        if (status.Phase == RunPhase.NotStarted)
        {
            await AskAsync(() => run.StartAsync(request), "a request to start it again", cancellation);
        }

        var snapshot = await AskAsync(run.GetProgressAsync, "a request for its progress", cancellation);
        follower.CatchUp(snapshot, whole => released.Writer.TryWrite((whole, true)));
    }

    /// <summary>The run's outcome once the watch has ended with it completed; null if the grain has none.</summary>
    public Task<Simulation.Model.Reporting.RunOutcome?> OutcomeAsync(CancellationToken cancellation) =>
        AskAsync(run.GetOutcomeAsync, "a request for its outcome", cancellation);

    /// <summary>The next update in sequence, or null if none came within <see cref="QuietLimit"/>.</summary>
    private async Task<(RunProgressUpdate, bool)?> NextReleasedAsync(CancellationToken cancellation)
    {
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        quiet.CancelAfter(QuietLimit);
        try
        {
            return await released.Reader.ReadAsync(quiet.Token);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>
    /// Asks the run grain, each attempt within <see cref="Reach"/>. No answer means its silo is gone:
    /// the question is asked again until a survivor answers for the grain, or until
    /// <see cref="RecoveryLimit"/> has passed, when the silo is taken for lost.
    /// </summary>
    private async Task<T> AskAsync<T>(Func<Task<T>> ask, string what, CancellationToken cancellation)
    {
        var trying = Stopwatch.StartNew();
        Exception? first = null;
        while (true)
        {
            try
            {
                return await ask().WaitAsync(Reach, cancellation);
            }
            catch (Exception error) when (!cancellation.IsCancellationRequested)
            {
                first ??= error;
                if (!SiloLostException.IsLoss(error) || trying.Elapsed + s_retryInterval > RecoveryLimit)
                {
                    throw SiloLostException.Of(silo, Started.RunId, what, first, Reach);
                }

                unreached = true;
            }

            await Task.Delay(s_retryInterval, cancellation);
        }
    }

    /// <summary>Stops listening. The run grain forgets its watchers when the run ends.</summary>
    public void Dispose() => follower.Dispose();
}
