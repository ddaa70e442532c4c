using System.Collections.Immutable;

namespace Simulation.Model.Negotiation;

/// <summary>The checks every protocol makes when it opens and before it plays a move, written once.</summary>
internal static class MoveRules
{
    /// <summary>The parties in turn order, from <paramref name="first"/> round the list.</summary>
    /// <exception cref="ArgumentException">Fewer than two distinct parties, or a first party not among them.</exception>
    public static ImmutableArray<string> TurnOrder(IReadOnlyList<string> parties, string first)
    {
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentException.ThrowIfNullOrEmpty(first);
        if (parties.Count < 2 || parties.Any(string.IsNullOrEmpty) || parties.Distinct(StringComparer.Ordinal).Count() != parties.Count)
        {
            throw new ArgumentException("A negotiation takes at least two distinct parties.", nameof(parties));
        }

        var start = parties.ToList().IndexOf(first);
        if (start < 0)
        {
            throw new ArgumentException($"The first party {first} is not a party.", nameof(first));
        }

        return [.. Enumerable.Range(0, parties.Count).Select(i => parties[(start + i) % parties.Count])];
    }

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
