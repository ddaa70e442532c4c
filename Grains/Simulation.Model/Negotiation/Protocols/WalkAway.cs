namespace Simulation.Model.Negotiation;

/// <summary>Leaves the table: the negotiation ends without agreement.</summary>
public sealed record WalkAway() : NegotiationAction
{
    public override MoveKind Kind => MoveKind.WalkAway;
}
