using CsCheck;
using Simulation.Model.Determinism;
using Simulation.Model.Negotiation;

namespace Simulation.Model.Tests.Negotiation;

public sealed class TimeDependentNegotiatorTests
{
    // One issue, 5 levels. Own values [0, 6, 8, 10, 8]: Vmin = 0, so r = 0 and u = V/10 =
    // [0, 0.6, 0.8, 1.0, 0.8]. Opponent model [10, 6, 3, 0, 1]: level 4 (8, 1) is dominated by level 2 (8, 3).
    private static readonly OutcomeSpace Space = OutcomeSpace.Separable(5);
    private static readonly AdditiveValueFunction Own = new(Space, [[0, 6, 8, 10, 8]]);
    private static readonly AdditiveValueFunction Opponent = new(Space, [[10, 6, 3, 0, 1]]);

    private static ComposedNegotiator Linear(double? reservation = null) =>
        TestNegotiators.TimeDependent("CAN", new NegotiatorPreferences(Own, reservation), Opponent, ConcessionCurve.Linear, Space);

    private static TurnContext At(int taken, Outcome? standing = null, string? by = "IDN") =>
        new(taken, 4, standing, standing is null ? null : by);

    [Theory]
    // Linear, Pmin = r = 0: τ = 1 − t with t = taken/4.
    [InlineData(0, 1.00, 3)] // only level 3 (u 1.0) meets 1.0
    [InlineData(1, 0.75, 2)] // levels 2 (0.8; opp 3), 3 (1.0; opp 0), 4 (0.8; opp 1) → opponent-best is level 2
    [InlineData(2, 0.50, 1)] // level 1 (0.6; opp 6) joins and is the opponent-best
    [InlineData(3, 0.25, 1)] // level 0 (u 0) still below target
    public void Bidding_offers_the_opponent_best_outcome_above_target(int taken, double target, int level)
    {
        var negotiator = Linear();
        TestNegotiators.Propose(negotiator, At(taken)).Target.Should().BeApproximately(target, 1e-15);
        negotiator.Decide(At(taken), new Random(1)).Should().Be(new Offer(Outcome.Of(level)));
    }

    [Fact]
    public void Among_outcomes_the_opponent_rates_equally_it_bids_the_one_better_for_itself()
    {
        // Add level 5, own 9 (u 0.9), opponent 3: it ties with level 2 (u 0.8) for the opponent,
        // and dominates it. At τ = 0.75 the bid is level 5: the frontier keeps the better of the two.
        var space = OutcomeSpace.Separable(6);
        var negotiator = TestNegotiators.TimeDependent(
            "CAN", new NegotiatorPreferences(new(space, [[0, 6, 8, 10, 8, 9]])), new(space, [[10, 6, 3, 0, 1, 3]]), ConcessionCurve.Linear, space);
        negotiator.Decide(At(1), new Random(1)).Should().Be(new Offer(Outcome.Of(5)));
    }

    [Fact]
    public void Exact_ties_are_split_by_the_seeded_generator()
    {
        // Levels 1 and 2 are worth (5, 2) to self and opponent model: at t = 0 (τ = 1) both qualify.
        var space = OutcomeSpace.Separable(3);
        var negotiator = TestNegotiators.TimeDependent(
            "CAN", new NegotiatorPreferences(new(space, [[0, 5, 5]])), new(space, [[0, 2, 2]]), ConcessionCurve.Linear, space);
        var turn = new TurnContext(0, 10, null, null);

        Outcome Choice(int seed) => ((Offer)negotiator.Decide(turn, SeededRandom.For(seed, "CAN-IDN", "CAN"))).Outcome;

        var choices = Enumerable.Range(0, 64).Select(Choice).ToArray();
        choices.Should().OnlyContain(o => o == Outcome.Of(1) || o == Outcome.Of(2));
        choices.Distinct().Should().HaveCount(2, "the generator, not a fixed rule, splits the tie");
        Enumerable.Range(0, 64).Select(Choice).Should().Equal(choices, "the same seed gives the same choice");
    }

    [Fact]
    public void AC_next_accepts_exactly_when_the_standing_offer_is_worth_its_next_offer()
    {
        // At t = 1/4 its next offer is level 2, u = 0.8.
        var negotiator = Linear();
        var random = new Random(1);
        negotiator.Decide(At(1, Outcome.Of(2)), random).Should().Be(new Accept()); // 0.8 ≥ 0.8: equal is enough
        negotiator.Decide(At(1, Outcome.Of(4)), random).Should().Be(new Accept()); // another outcome worth 0.8
        negotiator.Decide(At(1, Outcome.Of(3)), random).Should().Be(new Accept()); // 1.0
        negotiator.Decide(At(1, Outcome.Of(1)), random).Should().Be(new Offer(Outcome.Of(2))); // 0.6 < 0.8
        negotiator.Decide(At(1), random).Should().Be(new Offer(Outcome.Of(2)));               // nothing on the table
    }

    [Fact]
    public void It_never_accepts_its_own_offer() =>
        Linear().Decide(At(1, Outcome.Of(3), by: "CAN"), new Random(1)).Should().Be(new Offer(Outcome.Of(2)));

    [Fact]
    public void Its_reservation_bounds_targets_and_acceptance()
    {
        // r = 0.9 given: Pmin = 0.9, so at t = 3/4, τ = 1 − 0.1·0.75 = 0.925; only level 3 (1.0) qualifies.
        var negotiator = Linear(0.9);
        TestNegotiators.Propose(negotiator, At(3)).Target.Should().BeApproximately(0.925, 1e-15);
        negotiator.Decide(At(3, Outcome.Of(2)), new Random(1)).Should().Be(new Offer(Outcome.Of(3)));
    }

    [Fact]
    public void An_indifferent_party_accepts_anything_unless_given_a_reservation()
    {
        // u ≡ 0 and r = 0: every offer is worth its own (0), so it accepts at once. When it offers,
        // it offers the opponent-best outcome (level 2). With r = 0.5 it can never accept: 0 < r.
        var space = OutcomeSpace.Separable(3);
        var flat = new AdditiveValueFunction(space, [[4, 4, 4]]);
        var opponent = new AdditiveValueFunction(space, [[0, 1, 2]]);
        var easy = TestNegotiators.TimeDependent("CAN", new NegotiatorPreferences(flat), opponent, ConcessionCurve.Linear, space);
        easy.Decide(new TurnContext(0, 4, null, null), new Random(1)).Should().Be(new Offer(Outcome.Of(2)));
        easy.Decide(new TurnContext(1, 4, Outcome.Of(0), "IDN"), new Random(1)).Should().Be(new Accept());

        var stubborn = TestNegotiators.TimeDependent("CAN", new NegotiatorPreferences(flat, 0.5), opponent, ConcessionCurve.Linear, space);
        for (var taken = 0; taken < 4; taken++)
        {
            foreach (var level in new[] { 0, 1, 2 })
            {
                stubborn.Decide(new TurnContext(taken, 4, Outcome.Of(level), "IDN"), new Random(1)).Should().BeOfType<Offer>();
            }
        }
    }

    [Fact]
    public void Decisions_follow_the_rules_on_random_spaces()
    {
        // Checked against enumeration: an offer meets τ and no outcome meeting τ is worth more to
        // the opponent model; it accepts iff the standing offer is someone else's and worth at least
        // max(r, its next offer), so never below r.
        var cases = Gen.Select(ParetoFrontierTests.SmallDomains, Gen.Double[0, 1], Gen.Int[0, 9], Gen.Double[0, 3], Gen.Int[0, 1000]);
        cases.SampleCases((domain, reservation, taken, e, pick) =>
        {
            var self = new NegotiatorPreferences(domain.Parties[0], reservation);
            var model = domain.Parties[1];
            var negotiator = TestNegotiators.TimeDependent("A", self, model, new ConcessionCurve(e), domain.Space);
            var all = domain.Space.EnumerateAll().ToArray();
            var standing = all[pick % all.Length];
            var turn = new TurnContext(taken, 10, standing, pick % 3 == 0 ? "A" : "B");
            var target = TestNegotiators.Propose(negotiator, turn).Target;
            var bid = negotiator.Selector.Bid(target, new Random(pick));

            var reachable = all.Where(o => self.Utility(o) >= target).ToArray();
            if (reachable.Length > 0)
            {
                self.Utility(bid).Should().BeGreaterThanOrEqualTo(target);
                model.Value(bid).Should().Be(reachable.Max(model.Value));
            }
            else
            {
                self.Utility(bid).Should().Be(all.Max(self.Utility));
            }

            var action = negotiator.Decide(turn, new Random(pick));
            var accept = turn.StandingOfferBy == "B"
                && self.Utility(standing) >= self.Utility(bid)
                && self.Utility(standing) >= self.Reservation;
            action.Should().Be(accept ? new Accept() : new Offer(bid));
        }, seed: "eozE7GRmcPJRb", cases: 300);
    }

    [Fact]
    public void The_snapshot_shows_the_last_decision()
    {
        var negotiator = Linear();
        negotiator.Snapshot().LastAction.Should().BeNull();
        negotiator.Decide(At(1), new Random(1));
        var snapshot = negotiator.Snapshot();
        snapshot.Party.Should().Be("CAN");
        snapshot.LastTarget.Should().BeApproximately(0.75, 1e-15);
        snapshot.LastOffer.Should().Be(Outcome.Of(2));
        snapshot.LastOfferUtility.Should().BeApproximately(0.8, 1e-15);
        snapshot.LastAction.Should().Be(MoveKind.Offer);
    }

    [Fact]
    public void Preferences_and_model_must_be_over_the_negotiation_space() =>
        FluentActions.Invoking(() => new NegotiationView("CAN", new NegotiatorPreferences(Own), 1,
                [new OpponentView("IDN", new AdditiveValueFunction(OutcomeSpace.Separable(4), [[0, 1, 2, 3]]), new NegotiatorPreferences(Opponent))]))
            .Should().Throw<ArgumentException>();
}
