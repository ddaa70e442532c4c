namespace Simulation.Model.Negotiation;

/// <summary>
/// The A of BOA (Baarslag et al. 2014; Baarslag, Hindriks &amp; Jonker, "Acceptance conditions in
/// automated negotiation", 2011): whether to accept the outcome put to it rather than make its next bid.
/// </summary>
public interface IAcceptanceCondition
{
    bool Accepts(TurnContext turn, Outcome offer, Bid nextBid, NegotiationView view);
}
