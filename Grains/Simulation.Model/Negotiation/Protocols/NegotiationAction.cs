namespace Simulation.Model.Negotiation;

/// <summary>
/// What a party does on its turn (DESIGN §4.3): make an <see cref="Offer"/>, <see cref="Accept"/>
/// the standing offer, or <see cref="WalkAway"/>.
/// </summary>
public abstract record NegotiationAction
{
    /// <summary>The action's name in traces and JSON: <c>offer</c>, <c>accept</c> or <c>walk_away</c>.</summary>
    public abstract string Name { get; }
}
