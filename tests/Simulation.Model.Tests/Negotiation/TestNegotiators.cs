using Simulation.Model.Negotiation;

namespace Simulation.Model.Tests.Negotiation;

/// <summary>Negotiators composed for tests from value functions, without a scenario.</summary>
internal static class TestNegotiators
{
    /// <summary>
    /// A time-dependent negotiator with AC_next whose opponent model (economic) is
    /// <paramref name="opponent"/>, which is also the opponent's true value.
    /// </summary>
    public static ComposedNegotiator TimeDependent(
        string party, NegotiatorPreferences self, AdditiveValueFunction opponent, ConcessionCurve curve, OutcomeSpace space, string? opponentParty = null)
    {
        if (!self.Values.Space.Equals(space))
        {
            throw new ArgumentException("The preferences are not over the space.", nameof(space));
        }

        var view = View(party, self, opponent, opponentParty);
        return new ComposedNegotiator(view, new TimeDependentBidding(curve), new NextBidAcceptance(), new EconomicOpponentModel(), curve.ToString());
    }

    /// <summary>A two-party view whose other party (default: B for A, A for B, IDN otherwise) values outcomes by <paramref name="opponent"/>.</summary>
    public static NegotiationView View(string party, NegotiatorPreferences self, AdditiveValueFunction opponent, string? opponentParty = null, double discount = 1, double opponentDiscount = 1) =>
        new(party, self, discount, [new OpponentView(opponentParty ?? OtherOf(party), opponent, new NegotiatorPreferences(opponent), opponentDiscount)]);

    /// <summary>The target and bid the negotiator's bidding strategy gives for a turn (without deciding).</summary>
    public static Bid Propose(ComposedNegotiator negotiator, TurnContext turn, Random? random = null) =>
        negotiator.Bidding.Propose(turn, new BiddingContext(negotiator.View, negotiator.Selector, negotiator.SeenMoves), random ?? new Random(0));

    private static string OtherOf(string party) => party switch
    {
        "A" => "B",
        "B" => "A",
        _ => "IDN",
    };
}
