namespace Simulation.Model.Scenarios.Events;

/// <summary><c>type: terminate</c>: party <paramref name="By"/> ends negotiation <paramref name="Negotiation"/> (the seed's US walk-out).</summary>
public sealed record TerminateEvent(EventTrigger When, string Negotiation, string By) : ScenarioEvent(When)
{
    public const string TypeName = "terminate";

    public override string Type => TypeName;
}
