namespace Simulation.Model.Inference;

/// <summary>The finished generations of a calibration, the last being the posterior, and why it stopped.</summary>
public sealed record AbcResult(IReadOnlyList<AbcGeneration> Generations, string Stopped)
{
    public AbcGeneration Posterior => Generations[^1];
}
