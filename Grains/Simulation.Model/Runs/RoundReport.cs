using Simulation.Model.Negotiation;

namespace Simulation.Model.Runs;

/// <summary>
/// Where a negotiation stands after a round: its status, the rounds it has played, the agreement if
/// one was reached, the turn (1-based) at which the agreed offer was made (by which discounting
/// measures it, DESIGN §4.2), and the turns played in this round.
/// </summary>
public sealed record RoundReport(
    string NegotiationId,
    NegotiationStatus Status,
    int RoundsPlayed,
    Outcome? Agreement,
    int? AgreedOfferTurn,
    IReadOnlyList<TurnRecord> Turns)
{
    public bool IsActive => Status == NegotiationStatus.Active;
}
