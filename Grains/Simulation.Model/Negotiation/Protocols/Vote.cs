namespace Simulation.Model.Negotiation;

/// <summary>Votes for the change a mediator proposes to the single negotiating text.</summary>
public sealed record Vote() : NegotiationAction
{
    public override MoveKind Kind => MoveKind.Vote;
}
