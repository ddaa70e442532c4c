namespace Simulation.Model.Negotiation;

/// <summary>Accepts the standing offer, made by someone else.</summary>
public sealed record Accept() : NegotiationAction
{
    public override MoveKind Kind => MoveKind.Accept;
}
