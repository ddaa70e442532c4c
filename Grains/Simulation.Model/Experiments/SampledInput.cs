namespace Simulation.Model.Experiments;

/// <summary>One <c>--sample PATH=distribution</c>: every run draws its own value for the path.</summary>
public sealed record SampledInput(ScenarioPath Path, Distribution Distribution, InputOrigin Origin)
{
    public override string ToString() => $"{Path}={Distribution}";
}
