namespace Simulation.Model.Scenarios.Events;

/// <summary><c>type: start</c>: negotiation <paramref name="Negotiation"/>, declared <c>start: deferred</c>, begins.</summary>
public sealed record StartEvent(EventTrigger When, string Negotiation) : ScenarioEvent(When)
{
    public const string TypeName = "start";

    public override string Type => TypeName;
}
