using Simulation.Model.Negotiation;

namespace Simulation.Model.Runs;

/// <summary>
/// One negotiation's protocol played a round at a time, reporting what the round did. Written once
/// for the negotiation grain and the in-process run, so both report rounds alike.
/// </summary>
public sealed class NegotiationTable
{
    public NegotiationTable(INegotiationProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        Protocol = protocol;
    }

    public INegotiationProtocol Protocol { get; }

    /// <summary>Opens a negotiation of <paramref name="agenda"/> with the protocol its spec names.</summary>
    public static NegotiationTable Open(TariffAgenda agenda, long seed)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        var spec = agenda.Spec;
        return Open(spec.Id, spec.Protocol, spec.Parties, spec.First, spec.Rounds, agenda.Space.LevelCounts, seed);
    }

    /// <remarks>
    /// Protocols use only the space's shape (levels per issue: where a mediator may step), so a
    /// separable space of those level counts is all they need.
    /// </remarks>
    public static NegotiationTable Open(
        string negotiationId, string protocol, IReadOnlyList<string> parties, string first, int rounds, IReadOnlyList<int> levelCounts, long seed)
    {
        var setup = new ProtocolSetup(negotiationId, parties, first, rounds, OutcomeSpace.Separable([.. levelCounts]), seed);
        return new NegotiationTable(Protocols.Create(protocol, setup));
    }

    /// <summary>Plays the current round, asking <paramref name="askParty"/> for each move.</summary>
    public async Task<RoundReport> PlayRoundAsync(Func<string, TurnContext, ValueTask<NegotiationAction>> askParty)
    {
        var before = Protocol.History.Count;
        await NegotiationRounds.PlayRoundAsync(Protocol, askParty);
        return Report(before);
    }

    /// <summary>
    /// A party ends the negotiation from outside, before its current round is played (a
    /// <c>terminate</c> event, DESIGN §5.1); the report gives the round in which it was ended.
    /// </summary>
    public RoundReport Terminate()
    {
        Protocol.Terminate();
        return Report(Protocol.History.Count) with { RoundsPlayed = Protocol.Round };
    }

    private RoundReport Report(int turnsBefore)
    {
        var protocol = Protocol;
        var roundsPlayed = protocol.History.Count == 0 ? 0 : protocol.History[^1].Round;
        // Discounting counts from the turn the agreed outcome was put on the table: its last offer
        // (bargaining protocols), or the first vote on it as the mediator's text (single text).
        var agreedOfferTurn = protocol.Agreement is { } agreement
            ? (protocol.History.LastOrDefault(t => t.Action == MoveKind.Offer && t.Offer == agreement) ?? protocol.History.First(t => t.Offer == agreement)).Turn
            : (int?)null;
        return new RoundReport(
            protocol.NegotiationId, protocol.Status, roundsPlayed, protocol.Agreement, agreedOfferTurn,
            [.. protocol.History.Skip(turnsBefore)]);
    }
}
