using Simulation.Model.Determinism;
using Simulation.Model.Negotiation;

namespace Simulation.Model.Tests.Negotiation;

public sealed class BackwardInductionTests
{
    // The pie split: one issue with levels x = 0, 0.001, …, 1 (G = 1000), u_first = x, u_second = 1 − x, r = 0.
    private const int Grid = 1000;
    private const double Step = 1.0 / Grid;
    private static readonly double[] s_first = [.. Enumerable.Range(0, Grid + 1).Select(k => (double)k / Grid)];
    private static readonly double[] s_second = [.. s_first.Select(x => 1 - x)];

    /// <summary>Ståhl (1972) with equal δ and n offers that can be accepted: the first proposer gets S_n = (1 − (−δ)^n)/(1 + δ).</summary>
    private static double Stahl(double delta, int n) => (1 - Math.Pow(-delta, n)) / (1 + delta);

    /// <summary>Ståhl with unequal δ: S_k = 1 − δ_B T_(k−1), T_k = 1 − δ_A S_(k−1), S_1 = T_1 = 1 (A proposes first).</summary>
    private static double Stahl(double deltaA, double deltaB, int n)
    {
        double s = 1, t = 1;
        for (var k = 2; k <= n; k++)
        {
            (s, t) = (1 - deltaB * t, 1 - deltaA * s);
        }

        return s;
    }

    /// <summary>
    /// The same backward induction done by hand on the grid, in exact decimal arithmetic: the last
    /// acceptable offer gives its proposer everything; before it, the responder must get at least δ
    /// times what it would get proposing next, rounded up to the grid. Returns the first proposer's share.
    /// </summary>
    private static double GridShare(decimal deltaA, decimal deltaB, int n)
    {
        var proposer = (decimal)Grid; // proposer's units at the last acceptable offer
        for (var k = n - 1; k >= 1; k--)
        {
            // The proposer at offer k is A when k is odd; its responder discounts by its own δ.
            var responderDelta = k % 2 == 1 ? deltaB : deltaA;
            proposer = Grid - Math.Ceiling(responderDelta * proposer);
        }

        return (double)(proposer / Grid);
    }

    [Theory]
    [InlineData(0.9, 1)]
    [InlineData(0.9, 2)]
    [InlineData(0.9, 3)]
    [InlineData(0.9, 10)]
    [InlineData(0.5, 5)]
    [InlineData(0.95, 20)]
    [InlineData(0.99, 2)]
    public void The_pie_split_gives_the_first_proposer_Stahls_share_within_one_grid_step(double delta, int n)
    {
        // n offers can be accepted: T = n + 1 turns (an offer on the last turn never can be).
        var plan = BackwardInduction.Solve(s_first, s_second, delta, delta, turns: n + 1);

        plan.OfferAt(1).Should().BeGreaterThanOrEqualTo(0, "the first proposer makes an offer that is accepted");
        s_first[plan.OfferAt(1)].Should().BeApproximately(Stahl(delta, n), Step);
        s_first[plan.OfferAt(1)].Should().BeApproximately(GridShare((decimal)delta, (decimal)delta, n), 1e-12);
        plan.ValueAt(1, 0).Should().Be(s_first[plan.OfferAt(1)]);
    }

    [Theory]
    [InlineData(0.99, 7)]
    [InlineData(0.99, 40)]
    [InlineData(0.95, 101)]
    public void With_patient_parties_grid_rounding_adds_up_to_at_most_a_step_per_turn_discounted(double delta, int n)
    {
        // Each responder's share is rounded up to the grid: the first proposer loses less than a step
        // per offer, discounted along the way, so at most min(n, 1/(1 − δ)) steps; the exact grid
        // value is the hand recursion's.
        var plan = BackwardInduction.Solve(s_first, s_second, delta, delta, turns: n + 1);

        s_first[plan.OfferAt(1)].Should().BeApproximately(Stahl(delta, n), Step * Math.Min(n, 1 / (1 - delta)));
        s_first[plan.OfferAt(1)].Should().BeApproximately(GridShare((decimal)delta, (decimal)delta, n), 1e-12);
    }

    [Fact]
    public void With_many_turns_and_unequal_discounts_the_share_approaches_Rubinsteins()
    {
        // Rubinstein (1982): (1 − δ₂)/(1 − δ₁δ₂) = (1 − 0.8)/(1 − 0.9·0.8) = 0.2/0.28 = 0.714285…
        var plan = BackwardInduction.Solve(s_first, s_second, 0.9, 0.8, turns: 201);

        // Rounding each responder's share up to the grid costs the proposer less than one step per
        // turn, discounted along the way: at most Step/(1 − 0.8) = 5 steps in all.
        s_first[plan.OfferAt(1)].Should().BeApproximately(0.2 / 0.28, Step / (1 - 0.8));
        s_first[plan.OfferAt(1)].Should().BeApproximately(GridShare(0.9m, 0.8m, 200), 1e-12);
    }

    [Theory]
    [InlineData(0.9, 0.6, 4)]
    [InlineData(0.6, 0.9, 5)]
    public void Unequal_discounts_give_Stahls_finite_horizon_share(double deltaA, double deltaB, int n)
    {
        var plan = BackwardInduction.Solve(s_first, s_second, deltaA, deltaB, turns: n + 1);

        s_first[plan.OfferAt(1)].Should().BeApproximately(Stahl(deltaA, deltaB, n), Step);
        s_first[plan.OfferAt(1)].Should().BeApproximately(GridShare((decimal)deltaA, (decimal)deltaB, n), 1e-12);
    }

    [Fact]
    public void An_indifferent_responder_accepts_and_on_the_last_turn_anything_worth_its_reservation()
    {
        // Two turns: the offer of turn 1 is the last that can be accepted, so the responder accepts
        // whatever is worth r to it (here r₂ = 0.3: x ≤ 0.7) and the proposer asks for exactly that.
        var plan = BackwardInduction.Solve(s_first, s_second, 1, 1, turns: 2, r0: 0, r1: 0.3);

        s_first[plan.OfferAt(1)].Should().BeApproximately(0.7, 1e-12);
        plan.AcceptanceThreshold(1, 1).Should().BeApproximately(0.3, 1e-12);
        plan.AcceptanceThreshold(2, 0).Should().Be(double.PositiveInfinity, "an offer on the last turn can never be accepted");
    }

    [Fact]
    public void Two_backward_induction_negotiators_agree_in_round_one_at_Stahls_share()
    {
        // 5 rounds = 10 turns, so n = 9 offers can be accepted; δ = 0.9 for both: S_9 = (1 + 0.9⁹)/1.9.
        var space = OutcomeSpace.Separable(Grid + 1);
        var a = new AdditiveValueFunction(space, [s_first]);
        var b = new AdditiveValueFunction(space, [s_second]);
        var protocol = new AlternatingOffersProtocol("A-B", ["A", "B"], "A", 5);
        var negotiators = new Dictionary<string, INegotiator>
        {
            ["A"] = StrategyOf("A", a, b),
            ["B"] = StrategyOf("B", b, a),
        };
        while (protocol.IsActive)
        {
            var party = protocol.NextParty;
            protocol.Apply(party, negotiators[party].Decide(protocol.ContextFor(party), SeededRandom.For(1, "A-B", party)));
        }

        protocol.Status.Should().Be(NegotiationStatus.Agreed);
        protocol.AgreementRound.Should().Be(1);
        protocol.History.Should().HaveCount(2);
        ((double)protocol.Agreement![0] / Grid).Should().BeApproximately(Stahl(0.9, 9), Step);

        static INegotiator StrategyOf(string party, AdditiveValueFunction own, AdditiveValueFunction other) =>
            Simulation.Model.Scenarios.StrategySpec.Presets["backward-induction"].Strategy.Compose(
                TestNegotiators.View(party, new NegotiatorPreferences(own), other, discount: 0.9, opponentDiscount: 0.9));
    }

    [Fact]
    public void Backward_induction_refuses_a_table_of_three()
    {
        var space = OutcomeSpace.Separable(3);
        var v = new AdditiveValueFunction(space, [[0, 1, 2]]);
        var view = new NegotiationView("A", new NegotiatorPreferences(v), 1,
            [new OpponentView("B", v, new NegotiatorPreferences(v)), new OpponentView("C", v, new NegotiatorPreferences(v))]);

        FluentActions.Invoking(() => Simulation.Model.Scenarios.StrategySpec.Presets["backward-induction"].Strategy.Compose(view))
            .Should().Throw<ArgumentException>().WithMessage("*at most 2 parties*");
    }
}
