using Simulation.Grains.Abstractions.Runs;

namespace Simulation.Silo.Live;

/// <summary>
/// A run as /live/runs lists it: what the runs directory knows, flattened for the page. The seed
/// is a string because a 64-bit seed does not fit a JavaScript number; <see cref="Listed"/> orders
/// runs (higher: listed later).
/// </summary>
public sealed record LiveRun(
    string RunId,
    string Scenario,
    string ScenarioFile,
    string Seed,
    RunPhase Phase,
    int Round,
    int MaxRounds,
    int ActiveNegotiations,
    string? Failure,
    long Listed)
{
    public static LiveRun Of(ListedRun listed)
    {
        ArgumentNullException.ThrowIfNull(listed);
        var (run, status) = (listed.Run, listed.Run.Status);
        return new(
            run.RunId,
            run.Scenario,
            run.ScenarioFile,
            run.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            status.Phase,
            status.Round,
            status.MaxRounds,
            status.ActiveNegotiations,
            status.Failure,
            listed.Listed);
    }
}
