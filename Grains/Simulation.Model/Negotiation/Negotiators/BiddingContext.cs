namespace Simulation.Model.Negotiation;

/// <summary>
/// What a bidding strategy may draw on beyond the turn: the table as the negotiator sees it, the
/// bids its opponent model suggests (<see cref="BidSelector"/>), and every move by others it has
/// seen in this negotiation, oldest first (kept across world changes).
/// </summary>
public sealed record BiddingContext(NegotiationView View, BidSelector Selector, IReadOnlyList<TurnRecord> SeenMoves);
