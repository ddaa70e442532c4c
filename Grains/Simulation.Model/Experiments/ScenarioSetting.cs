namespace Simulation.Model.Experiments;

/// <summary>
/// One value put into a scenario at a path, written as YAML writes a plain value (<c>0.2</c>,
/// <c>boulware</c>, <c>infinite</c>): <c>countries.CAN.strategy.e=0.2</c>.
/// </summary>
public sealed record ScenarioSetting(ScenarioPath Path, string Value)
{
    public override string ToString() => $"{Path}={Value}";
}
