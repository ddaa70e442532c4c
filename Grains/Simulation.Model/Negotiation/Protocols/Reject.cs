namespace Simulation.Model.Negotiation;

/// <summary>Declines the outcome put to it, without a counter-offer (e.g. refusing to ratify a single negotiating text).</summary>
public sealed record Reject() : NegotiationAction
{
    public override MoveKind Kind => MoveKind.Reject;
}
