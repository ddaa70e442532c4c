namespace Simulation.Model.Experiments;

/// <summary>One <c>--vary PATH=V1,V2,...</c>: the values a path takes across the grid, in the order written.</summary>
public sealed record GridAxis(ScenarioPath Path, IReadOnlyList<string> Values, InputOrigin Origin)
{
    public override string ToString() => $"{Path}={string.Join(",", Values)}";
}
