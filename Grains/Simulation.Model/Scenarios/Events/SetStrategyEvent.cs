namespace Simulation.Model.Scenarios.Events;

/// <summary><c>type: set-strategy</c>: <paramref name="Country"/> plays <paramref name="Strategy"/> from now on (a change of government).</summary>
public sealed record SetStrategyEvent(EventTrigger When, string Country, StrategySpec Strategy) : ScenarioEvent(When)
{
    public const string TypeName = "set-strategy";

    public override string Type => TypeName;
}
