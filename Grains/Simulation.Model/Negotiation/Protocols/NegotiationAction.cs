namespace Simulation.Model.Negotiation;

/// <summary>
/// A move in a negotiation (DESIGN §2 "Seams", §4.3): a closed set of records — <see cref="Offer"/>,
/// <see cref="Accept"/>, <see cref="Reject"/>, <see cref="Vote"/>, <see cref="Veto"/> and
/// <see cref="WalkAway"/>. Closed because protocols, negotiators, traces and grain messages must all
/// agree on what can happen; the constructor is private to this assembly so no one adds a move that
/// the message mapping and the protocols do not know.
/// </summary>
public abstract record NegotiationAction
{
    private protected NegotiationAction()
    {
    }

    /// <summary>The kind of move, as histories, traces and journals record it.</summary>
    public abstract MoveKind Kind { get; }

    /// <summary>The move's name in traces and JSON: <c>offer</c>, <c>accept</c>, <c>reject</c>, <c>vote</c>, <c>veto</c> or <c>walk_away</c>.</summary>
    public string Name => MoveKindNames.Name(Kind);
}
