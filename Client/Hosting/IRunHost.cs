using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Reporting;
using Simulation.Model.Runs.Journal;

namespace Simulation.Client.Hosting;

/// <summary>
/// Who plays the runs of a command (DESIGN §2, "Run events and the journal"): in this process
/// (<see cref="LocalRunHost"/>) or on grains, of the embedded silo or of the cluster at a gateway
/// (<see cref="GrainsRunHost"/>). <c>run</c>, <c>batch</c> and the sensitivity study's tornado
/// talk to this and nothing else, and <see cref="RunHosts"/> is the one place that chooses.
/// Both give byte-identical outcomes for the same scenario and seed.
/// </summary>
public interface IRunHost : IAsyncDisposable
{
    /// <summary>The engine's name as the outcome's timings and the batch's messages give it: <c>local</c> or <c>grains</c>.</summary>
    string Engine { get; }

    /// <summary>Whether the runs are played by a silo hosted in this process.</summary>
    bool EmbeddedSilo { get; }

    /// <summary>
    /// Lines telling a person where to follow a run: on a silo, the grains' ids and the live page
    /// and dashboard it serves; nothing for a run in this process.
    /// </summary>
    Task<IReadOnlyList<string>> WhereToWatchAsync(RunOrder order, CancellationToken cancellation);

    /// <summary>
    /// Plays one run to its end and returns its outcome (timings not set), handing
    /// <paramref name="watch"/> where the run stands after every round, in order and once (second
    /// argument: whether the update is a snapshot of everything so far), and <paramref name="events"/>
    /// every run event, in order and once, as the run tells it (the journal <c>run --events</c> writes:
    /// the same on both engines).
    /// </summary>
    /// <exception cref="RunFailedException">The run ended without an outcome.</exception>
    /// <exception cref="Cluster.SiloLostException">The silo stopped answering: the run is unfinished, not failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> stopped it (a run on a silo is told to stop too).</exception>
    Task<RunOutcome> PlayAsync(RunOrder order, Action<RunProgressUpdate, bool>? watch, Action<RunEvent>? events, CancellationToken cancellation);

    /// <summary>
    /// Tells the host that the run's outcome has been taken (a batch wrote its rows): a silo lets its
    /// grains go at once, so its memory does not grow with a batch. Never fails the run.
    /// </summary>
    Task ReleaseAsync(string runId, CancellationToken cancellation);

    /// <summary>
    /// How many runs a batch plays at once unless <c>--parallel</c> says: as many as this process has
    /// cores in process; on grains, two per silo of the cluster (one playing while the other waits on
    /// its messages), two for the embedded silo.
    /// </summary>
    Task<int> DefaultParallelAsync(CancellationToken cancellation);
}
