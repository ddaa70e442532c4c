using Orleans.Concurrency;

namespace Simulation.Grains.Abstractions.Runs;

/// <summary>
/// Someone watching a run (the CLI's progress bar, a batch, later the live page): the run grain
/// pushes a <see cref="RunProgressUpdate"/> after every round, and one when the run ends, so no
/// watcher polls. Subscribe with <see cref="IRunGrain.SubscribeAsync"/> before starting the run.
/// </summary>
[Alias("tradesim.IRunObserver")]
public interface IRunObserver : IGrainObserver
{
    /// <summary>
    /// One-way: the run does not wait for its watchers, so a slow or vanished one cannot hold up
    /// the round clock. Updates carry a sequence number for a watcher that must put them in order.
    /// </summary>
    [OneWay]
    [Alias("OnProgress")]
    Task OnProgress(RunProgressUpdate update);
}
