namespace Simulation.Model.Negotiation;

/// <summary>Vetoes the change a mediator proposes to the single negotiating text: it does not pass.</summary>
public sealed record Veto() : NegotiationAction
{
    public override MoveKind Kind => MoveKind.Veto;
}
