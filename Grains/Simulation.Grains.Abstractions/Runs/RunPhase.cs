namespace Simulation.Grains.Abstractions.Runs;

[GenerateSerializer, Alias("tradesim.RunPhase")]
public enum RunPhase
{
    NotStarted,
    Running,
    Completed,
    Failed,
}
