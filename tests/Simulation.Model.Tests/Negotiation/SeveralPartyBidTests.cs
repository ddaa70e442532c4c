using Simulation.Model.Negotiation;

namespace Simulation.Model.Tests.Negotiation;

/// <summary>
/// The bid with several other parties (docs/scenario-format.md, Strategies): among outcomes worth the target, the best
/// for the worst-off, each rated by its share of possible gain over its reservation, an outcome below
/// someone's reservation ranking below every acceptable one; checked on a table small enough to do by hand.
/// </summary>
public sealed class SeveralPartyBidTests
{
    // Levels a, b ∈ {0, 1, 2}. Own value 4 − a − b (utility (4 − a − b)/4). B's modelled value 2a − b
    // (min −2, max 4: r̂ = 1/3, share (V_B)/4 when V_B ≥ 0, else V_B/6 − 1); C's 2b − a, likewise.
    private static readonly OutcomeSpace Space = OutcomeSpace.Separable(3, 3);

    private static BidSelector Selector() => new(
        new NegotiatorPreferences(new AdditiveValueFunction(Space, [[2, 1, 0], [2, 1, 0]])),
        [new AdditiveValueFunction(Space, [[0, 2, 4], [0, -1, -2]]), new AdditiveValueFunction(Space, [[0, -1, -2], [0, 2, 4]])]);

    [Fact]
    public void At_target_one_half_the_bid_is_the_outcome_leaving_both_others_a_quarter_of_their_possible_gain()
    {
        // Worth ≥ 0.5: a + b ≤ 2. (0,0): shares 0, 0 → 0; (1,1): V_B = V_C = 1 → 1/4 each → 1/4;
        // (1,0), (0,1): one other at V = −1, below its reservation → −7/6; (2,0), (0,2): −4/3.
        Selector().Bid(0.5, new Random(1)).Should().Be(Outcome.Of(1, 1));
    }

    [Fact]
    public void An_outcome_below_an_others_reservation_ranks_below_every_acceptable_one_however_good_for_the_rest()
    {
        // Worth ≥ 0.75: a + b ≤ 1. (1,0) gives B V_B = 2 (half its possible gain) but C V_C = −1, below
        // its reservation (−7/6); (0,0) leaves both at their reservation (0): it is the bid.
        Selector().Bid(0.75, new Random(1)).Should().Be(Outcome.Of(0, 0));
    }

    [Fact]
    public void Where_no_outcome_reaches_the_target_the_bid_is_among_its_own_best()
    {
        Selector().Bid(1.5, new Random(1)).Should().Be(Outcome.Of(0, 0), "(0,0) alone is worth 1, its best");
    }
}
