using Simulation.Model.Reporting;
using Simulation.Model.Runs.Journal;
using Orleans.Concurrency;

namespace Simulation.Grains.Abstractions.Runs;

/// <summary>
/// One run of one scenario with one seed (key: the run id). Owns the world, the round clock and the
/// result. <see cref="StartAsync"/> returns at once; the run proceeds on the silo and pushes its
/// progress to the watchers subscribed with <see cref="SubscribeAsync"/> (<see cref="IRunObserver"/>).
/// </summary>
[Alias("tradesim.IRunGrain")]
public interface IRunGrain : IGrainWithStringKey
{
    /// <summary>Starts the run. Starting a run that already started is harmless: run ids are derived from content and seed.</summary>
    [Alias("StartAsync")]
    Task<RunStatus> StartAsync(RunRequest request);

    /// <summary>
    /// Adds a watcher and returns the status at that moment. Subscribing before <see cref="StartAsync"/>
    /// misses nothing; a watcher of a run already under way learns from the status where it stands,
    /// and from the updates after it how it ends.
    /// </summary>
    [AlwaysInterleave]
    [Alias("SubscribeAsync")]
    Task<RunStatus> SubscribeAsync(IRunObserver observer);

    [AlwaysInterleave]
    [Alias("UnsubscribeAsync")]
    Task UnsubscribeAsync(IRunObserver observer);

    /// <summary>
    /// Stops a run under way between rounds (or in its pace wait): its watchers hear
    /// <see cref="RunPhase.Cancelled"/>. The CLI calls it on Ctrl+C, so a run on a cluster does not
    /// play on for nobody, and an embedded silo can stop at once.
    /// </summary>
    [AlwaysInterleave]
    [Alias("CancelAsync")]
    Task CancelAsync();

    /// <summary>
    /// Everything the watchers have been told so far, as one update: every negotiation with all its
    /// turns, every event fired and tariff changed, under the sequence number of the last update
    /// pushed (0 before the first). A watcher joining a run under way subscribes first, takes this,
    /// then applies the pushed updates numbered after it (<see cref="RunFollower"/>).
    /// </summary>
    [AlwaysInterleave]
    [Alias("GetProgressAsync")]
    Task<RunProgressUpdate> GetProgressAsync();

    /// <summary>
    /// The run's events after the first <paramref name="after"/> (its journal is numbered from 1), in
    /// order: a watcher that has the first N asks for the rest. The journal of a run over is kept.
    /// </summary>
    [AlwaysInterleave]
    [Alias("GetEventsAsync")]
    Task<IReadOnlyList<RunEvent>> GetEventsAsync(long after);

    [AlwaysInterleave]
    [Alias("GetStatusAsync")]
    Task<RunStatus> GetStatusAsync();

    /// <summary>
    /// The run's scenario text, for a country or negotiation grain on a silo that has not parsed it:
    /// grains are told the scenario's key, and each silo parses the text once.
    /// </summary>
    [AlwaysInterleave]
    [Alias("GetScenarioTextAsync")]
    Task<string> GetScenarioTextAsync();

    /// <summary>The outcome once <see cref="RunStatus.Phase"/> is <see cref="RunPhase.Completed"/>, else null.</summary>
    [AlwaysInterleave]
    [Alias("GetOutcomeAsync")]
    Task<RunOutcome?> GetOutcomeAsync();

    /// <summary>
    /// The caller has taken what it needs of a run that is over (a batch has written its rows): the
    /// run's grains leave the silo's memory now rather than at idle collection, so a long batch
    /// does not grow it. The run's record stays in storage, so a later call still has the outcome.
    /// A run under way is not touched.
    /// </summary>
    [Alias("ReleaseAsync")]
    Task ReleaseAsync();

    /// <summary>Side-effect-free view for the dashboard's grain-state page.</summary>
    [AlwaysInterleave]
    [Alias("GetState")]
    Task<RunState> GetState();
}
