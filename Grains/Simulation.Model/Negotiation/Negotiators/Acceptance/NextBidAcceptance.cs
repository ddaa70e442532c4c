namespace Simulation.Model.Negotiation;

/// <summary>
/// AC_next (Baarslag, Hindriks &amp; Jonker 2011; DESIGN §4.4): accept an offer worth at least one's own
/// next bid, and never one below the reservation. Utilities are compared undiscounted: the next bid,
/// if accepted, would be worth less still under discounting, so the rule errs towards holding out.
/// </summary>
public sealed class NextBidAcceptance : IAcceptanceCondition
{
    public const string Name = "next";

    public static ComponentEntry<IAcceptanceCondition> Entry { get; } =
        new(Name, "accept an offer worth at least one's own next bid (and the reservation)", [], _ => new NextBidAcceptance());

    public bool Accepts(TurnContext turn, Outcome offer, Bid nextBid, NegotiationView view)
    {
        ArgumentNullException.ThrowIfNull(nextBid);
        ArgumentNullException.ThrowIfNull(view);
        var utility = view.Self.Utility(offer);
        return utility >= view.Self.Utility(nextBid.Outcome) && utility >= view.Self.Reservation;
    }
}
