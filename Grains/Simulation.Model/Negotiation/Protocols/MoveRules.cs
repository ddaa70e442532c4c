namespace Simulation.Model.Negotiation;

/// <summary>The checks every protocol makes before it plays a move, written once.</summary>
internal static class MoveRules
{
    /// <exception cref="InvalidOperationException"><paramref name="party"/> does not sit at this negotiation.</exception>
    public static void EnsureParty(INegotiationProtocol protocol, string party)
    {
        ArgumentNullException.ThrowIfNull(party);
        if (!protocol.Parties.Contains(party))
        {
            throw new InvalidOperationException($"{party} is not a party to negotiation {protocol.NegotiationId}.");
        }
    }

    /// <exception cref="InvalidOperationException">The party does not sit here, the negotiation is over, or it is someone else's turn.</exception>
    public static void EnsureMayMove(INegotiationProtocol protocol, string party, NegotiationAction action)
    {
        EnsureParty(protocol, party);
        ArgumentNullException.ThrowIfNull(action);
        if (!protocol.IsActive)
        {
            throw new InvalidOperationException($"Negotiation {protocol.NegotiationId} is over ({protocol.Status}); {party} cannot move.");
        }

        if (party != protocol.NextParty)
        {
            throw new InvalidOperationException($"Negotiation {protocol.NegotiationId}: it is {protocol.NextParty}'s turn, not {party}'s.");
        }
    }
}
