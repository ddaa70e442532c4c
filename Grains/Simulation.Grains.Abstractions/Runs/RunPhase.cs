namespace Simulation.Grains.Abstractions.Runs;

[GenerateSerializer, Alias("tradesim.RunPhase")]
public enum RunPhase
{
    NotStarted,
    Running,
    Completed,
    Failed,

    /// <summary>Stopped by <see cref="IRunGrain.CancelAsync"/> before it ended; starting the same run again plays it afresh.</summary>
    Cancelled,
}
