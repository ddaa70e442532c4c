namespace Simulation.Model.Negotiation;

/// <summary>Proposes <see cref="Outcome"/>; it becomes the standing offer.</summary>
public sealed record Offer(Outcome Outcome) : NegotiationAction
{
    public Outcome Outcome { get; } = Outcome ?? throw new ArgumentNullException(nameof(Outcome));

    public override MoveKind Kind => MoveKind.Offer;
}
