namespace Simulation.Grains.Abstractions.Runs;

[GenerateSerializer]
public enum RunPhase
{
    NotStarted,
    Running,
    Completed,
    Failed,
}
