namespace Simulation.Grains.Abstractions.Runs;

/// <summary>
/// Follows one run's progress for a watcher: it is the observer subscribed to the run grain, it
/// begins after a snapshot of what the run told so far (<see cref="IRunGrain.GetProgressAsync"/>),
/// and it hands every pushed update numbered after that snapshot to its callback once, in order
/// (<see cref="RunProgressSequence"/>: one-way pushes may overtake each other, and may arrive before
/// the snapshot is taken), until the run's final update. The CLI's watch and the live page's feed
/// both follow runs through it.
/// </summary>
/// <remarks>
/// The order is: subscribe (<see cref="SubscribeAsync"/>), then take the snapshot, then
/// <see cref="BeginAfter"/>. Updates pushed between the subscription and the snapshot are held,
/// and released after it or dropped if it covers them. The callback runs under the watcher's
/// <see cref="Lock"/>, which the follower takes for every update, so the watcher's own state needs
/// no other guard; the lock may be re-entered by a callback.
/// </remarks>
public sealed class RunFollower : IRunObserver, IDisposable
{
    private readonly IGrainFactory grains;
    private readonly Lock gate;
    private readonly Action<RunProgressUpdate> onUpdate;
    private readonly RunProgressSequence sequence = new();
    private readonly IRunObserver reference;
    private bool disposed;

    /// <summary>
    /// A follower of <paramref name="run"/> that hands its updates to <paramref name="onUpdate"/>
    /// under <paramref name="gate"/>. Nothing is heard before <see cref="SubscribeAsync"/>.
    /// </summary>
    public RunFollower(IGrainFactory grains, IRunGrain run, Lock gate, Action<RunProgressUpdate> onUpdate)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(onUpdate);
        this.grains = grains;
        this.gate = gate;
        this.onUpdate = onUpdate;
        Run = run;
        reference = grains.CreateObjectReference<IRunObserver>(this);
    }

    /// <summary>The run grain followed.</summary>
    public IRunGrain Run { get; }

    /// <summary>The snapshot the follower began after, or null before <see cref="BeginAfter"/>.</summary>
    public RunProgressUpdate? Snapshot { get; private set; }

    /// <summary>True once the run's final update (or a final snapshot) has been handed on: nothing follows it.</summary>
    public bool Ended { get; private set; }

    /// <summary>Subscribes to the run grain; its answer is the run's status at that moment.</summary>
    public Task<RunStatus> SubscribeAsync() => Run.SubscribeAsync(reference);

    /// <summary>
    /// Begins after <paramref name="snapshot"/>: hands on, in order, the held updates it does not
    /// cover. The snapshot itself is the watcher's to show; a final one ends the follow.
    /// </summary>
    public void BeginAfter(RunProgressUpdate snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (gate)
        {
            Snapshot = snapshot;
            var released = sequence.BeginAfter(snapshot.Sequence);
            if (snapshot.IsFinal)
            {
                Ended = true;
                return;
            }

            Hand(released);
        }
    }

    /// <summary>
    /// Catches up with <paramref name="snapshot"/>, taken after updates may have been lost (the run's
    /// silo died and the run goes on from its record elsewhere, pushing again under the same numbers):
    /// when the snapshot is ahead of the updates handed on, it is handed to
    /// <paramref name="onSnapshot"/> (it holds everything so far) and the follow goes on after it.
    /// </summary>
    /// <returns>Whether the snapshot was ahead, and handed on.</returns>
    public bool CatchUp(RunProgressUpdate snapshot, Action<RunProgressUpdate> onSnapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(onSnapshot);
        lock (gate)
        {
            if (Ended || sequence.SkipTo(snapshot.Sequence) is not { } released)
            {
                return false;
            }

            onSnapshot(snapshot);
            if (snapshot.IsFinal)
            {
                Ended = true;
                return true;
            }

            Hand(released);
            return true;
        }
    }

    public Task OnProgress(RunProgressUpdate update)
    {
        lock (gate)
        {
            if (!Ended)
            {
                Hand(sequence.Accept(update));
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Tells the run grain to stop pushing, then stops listening.</summary>
    public async Task UnsubscribeAsync()
    {
        try
        {
            await Run.UnsubscribeAsync(reference);
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>Stops listening. The run grain forgets its watchers when the run ends, or drops one it cannot reach.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
        }

        grains.DeleteObjectReference<IRunObserver>(reference);
    }

    private void Hand(IReadOnlyList<RunProgressUpdate> released)
    {
        foreach (var update in released)
        {
            onUpdate(update);
            if (update.IsFinal)
            {
                Ended = true;
                return;
            }
        }
    }
}
