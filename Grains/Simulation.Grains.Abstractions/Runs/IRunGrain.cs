using Simulation.Grains.Abstractions.Outcomes;
using Orleans.Concurrency;

namespace Simulation.Grains.Abstractions.Runs;

/// <summary>
/// One run of one scenario with one seed (key: the run id). Owns the world, the round clock and the
/// result. <see cref="StartAsync"/> returns at once; the run proceeds on the silo and is watched by
/// polling <see cref="GetStatusAsync"/>, which interleaves with the running rounds.
/// </summary>
[Alias("tradesim.IRunGrain")]
public interface IRunGrain : IGrainWithStringKey
{
    /// <summary>Starts the run. Starting a run that already started is harmless: run ids are derived from content and seed.</summary>
    [Alias("StartAsync")]
    Task<RunStatus> StartAsync(RunRequest request);

    [AlwaysInterleave]
    [Alias("GetStatusAsync")]
    Task<RunStatus> GetStatusAsync();

    /// <summary>The outcome once <see cref="RunStatus.Phase"/> is <see cref="RunPhase.Completed"/>, else null.</summary>
    [AlwaysInterleave]
    [Alias("GetOutcomeAsync")]
    Task<RunOutcome?> GetOutcomeAsync();

    /// <summary>Side-effect-free view for the dashboard's grain-state page.</summary>
    [AlwaysInterleave]
    [Alias("GetState")]
    Task<RunState> GetState();
}
