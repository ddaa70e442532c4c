namespace Simulation.Grains.Abstractions.Runs;

/// <summary>A run's phase as a word, as the dashboard and the CLI show it.</summary>
public static class RunPhases
{
    public static string Name(RunPhase phase) => phase switch
    {
        RunPhase.NotStarted => "not started",
        RunPhase.Running => "running",
        RunPhase.Completed => "completed",
        RunPhase.Failed => "failed",
        RunPhase.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };
}
