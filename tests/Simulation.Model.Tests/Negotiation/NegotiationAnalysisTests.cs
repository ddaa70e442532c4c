using CsCheck;
using Simulation.Model.Negotiation;

namespace Simulation.Model.Tests.Negotiation;

/// <summary>
/// The bargaining analysis (DESIGN §4.5) against closed forms, hand computations and brute-force
/// enumeration of small spaces.
/// </summary>
public sealed class NegotiationAnalysisTests
{
    [Theory]
    // A pie of 100 units split in whole units: party 1 gets x (u1 = x), party 2 the rest (u2 = 1 − x).
    // The IR segment is r1 ≤ x ≤ 1 − r2. Nash: max (x − r1)(1 − x − r2) at its midpoint
    // x = (1 + r1 − r2)/2. KS: ideal1 = 1 − r2, ideal2 = 1 − r1, so both normalised gains have the
    // denominator 1 − r1 − r2 and equal at the same midpoint (on a linear frontier KS = Nash).
    [InlineData(0.0, 0.0, 50)]
    [InlineData(0.1, 0.3, 40)]
    [InlineData(0.3, 0.1, 60)]
    [InlineData(0.2, 0.5, 35)]
    public void On_a_pie_split_nash_and_kalai_smorodinsky_are_the_midpoint_of_the_rational_segment(double r1, double r2, int expectedShare)
    {
        var space = OutcomeSpace.Separable(101);
        var one = new NegotiatorPreferences(new AdditiveValueFunction(space, [[.. Enumerable.Range(0, 101).Select(i => (double)i)]]), r1);
        var two = new NegotiatorPreferences(new AdditiveValueFunction(space, [[.. Enumerable.Range(0, 101).Select(i => 100.0 - i)]]), r2);

        var analysis = NegotiationAnalysis.Of(space, [one, two], null);

        analysis.ParetoSize.Should().Be(101, "every split is Pareto-optimal");
        analysis.Nash!.Outcome.Should().Be(Outcome.Of(expectedShare));
        analysis.KalaiSmorodinsky!.Outcome.Should().Be(Outcome.Of(expectedShare));
        analysis.Nash.Utilities[0].Should().BeApproximately(expectedShare / 100.0, 1e-12);
        analysis.Nash.Utilities[1].Should().BeApproximately(1 - expectedShare / 100.0, 1e-12);
        // Every split sums to 1 (to rounding): maximum welfare is 1.
        analysis.MaxSocialWelfare.UtilitySum.Should().BeApproximately(1, 1e-12);
        // No deal is (r1, r2), at distance (1 − r1 − r2)/√2 from the line u1 + u2 = 1; the nearest
        // grid point is at most half a step (0.005 in each utility) farther along the line.
        analysis.ParetoDistance.Should().BeApproximately((1 - r1 - r2) / Math.Sqrt(2), 0.005 * Math.Sqrt(2));
        analysis.NashDistance.Should().BeApproximately(
            Math.Sqrt(Math.Pow(expectedShare / 100.0 - r1, 2) + Math.Pow(1 - expectedShare / 100.0 - r2, 2)), 1e-12);
    }

    [Fact]
    public void On_the_frontier_u2_equals_one_minus_u1_squared_nash_and_kalai_smorodinsky_match_their_closed_forms()
    {
        // x = i/1000, u1 = x, u2 = 1 − x², r = 0 (issue 7's closed forms). Nash: max x(1 − x²) at
        // x = 1/√3 = 0.57735; the grid's best is 0.577 (x(1 − x²) is concave, and 0.577 is nearer).
        // KS: ideals are 1 and 1, so max min(x, 1 − x²): x = 1 − x² at (√5 − 1)/2 = 0.618034; on
        // the grid min(0.618, 0.618076) = 0.618 beats min(0.619, 0.616839).
        // Maximum welfare: max x + 1 − x² at x = 1/2, exactly on the grid.
        var (space, one, two) = Parabola(0, 0);

        var analysis = NegotiationAnalysis.Of(space, [one, two], null);

        analysis.Nash!.Outcome.Should().Be(Outcome.Of(577));
        analysis.Nash.Utilities[0].Should().BeApproximately(1 / Math.Sqrt(3), 0.001);
        analysis.Nash.Utilities[1].Should().BeApproximately(2.0 / 3, 0.002);
        analysis.KalaiSmorodinsky!.Outcome.Should().Be(Outcome.Of(618));
        analysis.KalaiSmorodinsky.Utilities[0].Should().BeApproximately((Math.Sqrt(5) - 1) / 2, 0.001);
        analysis.KalaiSmorodinsky.Utilities[1].Should().BeApproximately((Math.Sqrt(5) - 1) / 2, 0.002);
        analysis.MaxSocialWelfare.Outcome.Should().Be(Outcome.Of(500));
    }

    [Fact]
    public void Kalai_smorodinsky_uses_the_reservations_and_the_ideal_point_not_the_diagonal()
    {
        // u1 = x, u2 = 1 − x² with r = (0.2, 0.1). IR: x ≥ 0.2 and x² ≤ 0.9, so ideal1 = √0.9
        // (the grid's 0.948) and ideal2 = 1 − 0.2² = 0.96. KS solves
        // (x − 0.2)/(ideal1 − 0.2) = (0.9 − x²)/0.86, a quadratic: with a = ideal1 − 0.2,
        // x² + (0.86/a)x − (0.9 + 0.172/a) = 0. Nash: d/dx (x − 0.2)(0.9 − x²) = 0 gives
        // 3x² − 0.4x − 0.9 = 0, x = (0.4 + √10.96)/6 = 0.618432. GENIUS's nearest-to-diagonal
        // point would be x = 0.618 (u1 = u2), not KS's 0.634.
        var (space, one, two) = Parabola(0.2, 0.1);

        var analysis = NegotiationAnalysis.Of(space, [one, two], null);

        var a = 0.948 - 0.2;
        var p = 0.86 / a;
        var ks = (-p + Math.Sqrt(p * p + 4 * (0.9 + 0.172 / a))) / 2;
        analysis.KalaiSmorodinsky!.Utilities[0].Should().BeApproximately(ks, 0.001);
        ks.Should().BeApproximately(0.6336, 0.0001, "the closed form, worked by hand: a = 0.748, x = 0.63361");
        analysis.Nash!.Utilities[0].Should().BeApproximately((0.4 + Math.Sqrt(10.96)) / 6, 0.001);
    }

    [Fact]
    public void A_two_issue_logroll_is_found_as_worked_by_hand()
    {
        // Issue A matters to party 1 (+4 if cut) more than to party 2 (−2); issue B the reverse
        // (party 1 −1, party 2 +3). Outcomes (A, B) and values (V1, V2):
        //   [0,0] (0, 0)   [1,0] (4, −2)   [0,1] (−1, 3)   [1,1] (3, 1).
        // u1 = (V1 + 1)/5: 0.2, 1, 0, 0.8; r1 = 0.2.  u2 = (V2 + 2)/5: 0.4, 0, 1, 0.6; r2 = 0.4.
        // Frontier: [1,0] (1, 0), [0,1] (0, 1), [1,1] (0.8, 0.6); [0,0] is dominated by [1,1].
        // IR: [0,0] and [1,1]. Nash: products 0 and 0.6·0.2: [1,1]. Ideals (0.8, 0.6): KS [1,1].
        // Welfare sums 0.6, 1, 1, 1.4: [1,1].
        var space = OutcomeSpace.Separable(2, 2);
        var one = new NegotiatorPreferences(new AdditiveValueFunction(space, [[0, 4], [0, -1]]));
        var two = new NegotiatorPreferences(new AdditiveValueFunction(space, [[0, -2], [0, 3]]));

        var logroll = NegotiationAnalysis.Of(space, [one, two], Outcome.Of(1, 1));
        var onesWay = NegotiationAnalysis.Of(space, [one, two], Outcome.Of(1, 0));
        var noDeal = NegotiationAnalysis.Of(space, [one, two], null);

        logroll.ParetoSize.Should().Be(3);
        logroll.FrontierPoints.Select(x => x.Outcome.ToString()).Should().BeEquivalentTo("[1,0]", "[0,1]", "[1,1]");
        logroll.Nash!.Outcome.Should().Be(Outcome.Of(1, 1));
        logroll.Nash.Utilities[0].Should().BeApproximately(0.8, 1e-12);
        logroll.Nash.Utilities[1].Should().BeApproximately(0.6, 1e-12);
        logroll.Nash.Gains.Should().Equal(3.0, 1.0);
        logroll.KalaiSmorodinsky!.Outcome.Should().Be(Outcome.Of(1, 1));
        logroll.MaxSocialWelfare.Outcome.Should().Be(Outcome.Of(1, 1));
        logroll.ParetoDistance.Should().Be(0);
        logroll.NashDistance.Should().Be(0);
        // [1,0] is on the frontier; from (1, 0) to Nash (0.8, 0.6): √(0.04 + 0.36) = √0.4.
        onesWay.ParetoDistance.Should().Be(0);
        onesWay.NashDistance!.Value.Should().BeApproximately(Math.Sqrt(0.4), 1e-12);
        // No deal sits at (0.2, 0.4): √0.4 from both [1,1] (0.8, 0.6) and [0,1] (0, 1).
        noDeal.Settlement.Should().Equal(0.2, 0.4);
        noDeal.ParetoDistance.Should().BeApproximately(Math.Sqrt(0.4), 1e-12);
    }

    [Fact]
    public void The_logroll_gives_the_same_analysis_when_both_issues_are_valued_jointly()
    {
        // The same four outcomes as one group of combinations 0..3 = [0,0], [0,1], [1,0], [1,1].
        var space = new OutcomeSpace([2, 2], [new IssueGroup("both", [0, 1], [2, 2])]);
        var one = new NegotiatorPreferences(new AdditiveValueFunction(space, [[0, -1, 4, 3]]));
        var two = new NegotiatorPreferences(new AdditiveValueFunction(space, [[0, 3, -2, 1]]));

        var analysis = NegotiationAnalysis.Of(space, [one, two], Outcome.Of(0, 0));

        analysis.Nash!.Outcome.Should().Be(Outcome.Of(1, 1));
        analysis.ParetoDistance.Should().BeApproximately(Math.Sqrt(0.4), 1e-12);
    }

    [Fact]
    public void Without_an_individually_rational_outcome_nash_and_kalai_smorodinsky_are_missing()
    {
        // u1 = x, u2 = 1 − x on three levels; reservations 0.6 and 0.6 leave no x with x ≥ 0.6 and 1 − x ≥ 0.6.
        var space = OutcomeSpace.Separable(3);
        var one = new NegotiatorPreferences(new AdditiveValueFunction(space, [[0, 1, 2]]), 0.6);
        var two = new NegotiatorPreferences(new AdditiveValueFunction(space, [[2, 1, 0]]), 0.6);

        var analysis = NegotiationAnalysis.Of(space, [one, two], null);

        analysis.Nash.Should().BeNull();
        analysis.KalaiSmorodinsky.Should().BeNull();
        analysis.NashDistance.Should().BeNull();
        analysis.MaxSocialWelfare.Should().NotBeNull("welfare is maximised over all outcomes");
        analysis.ParetoSize.Should().Be(3);
    }

    [Fact]
    public void A_party_that_cannot_gain_does_not_flatten_the_nash_product()
    {
        // Party 3 values nothing on the table (u ≡ 0, r = 0). Among parties 1 and 2 the pie of
        // the first test with r = 0 has its Nash point at x = 50 of 100; a product including
        // party 3's factor 0 would make every outcome tie and fall back on welfare.
        var space = OutcomeSpace.Separable(101);
        var one = new NegotiatorPreferences(new AdditiveValueFunction(space, [[.. Enumerable.Range(0, 101).Select(i => (double)i)]]));
        var two = new NegotiatorPreferences(new AdditiveValueFunction(space, [[.. Enumerable.Range(0, 101).Select(i => 100.0 - i)]]));
        var three = new NegotiatorPreferences(new AdditiveValueFunction(space, [new double[101]]));

        var analysis = NegotiationAnalysis.Of(space, [one, two, three], null);

        analysis.Nash!.Outcome.Should().Be(Outcome.Of(50));
        analysis.KalaiSmorodinsky!.Outcome.Should().Be(Outcome.Of(50));
    }

    [Fact]
    public void Every_point_equals_brute_force_enumeration_on_random_small_spaces()
    {
        var cases =
            from domain in ParetoFrontierTests.SmallDomains
            from reservations in Gen.Double[0, 1].Array[3]
            from given in Gen.Bool.Array[3]
            from agreementSeed in Gen.Int[-1, 1000]
            select (domain, reservations, given, agreementSeed);
        cases.SampleCases(c =>
        {
            var (domain, reservations, given, agreementSeed) = c;
            var parties = domain.Parties
                .Select((values, i) => new NegotiatorPreferences(values, given[i] ? reservations[i] : null))
                .ToArray();
            var all = domain.Space.EnumerateAll().ToList();
            var agreement = agreementSeed < 0 ? null : all[agreementSeed % all.Count];

            var analysis = NegotiationAnalysis.Of(domain.Space, parties, agreement);

            var expected = BruteForce(all, parties, agreement);
            analysis.MaxSocialWelfare.Outcome.Should().Be(expected.MaxWelfare);
            analysis.Nash?.Outcome.ToString().Should().Be(expected.Nash?.ToString());
            analysis.KalaiSmorodinsky?.Outcome.ToString().Should().Be(expected.KalaiSmorodinsky?.ToString());
            analysis.ParetoSize.Should().Be(expected.FrontierSize);
            analysis.ParetoDistance.Should().BeApproximately(expected.ParetoDistance, 1e-12);
            if (expected.NashDistance is { } nashDistance)
            {
                analysis.NashDistance!.Value.Should().BeApproximately(nashDistance, 1e-12);
            }

            foreach (var point in analysis.FrontierPoints)
            {
                point.Utilities.Should().Equal(parties.Select(p => p.Utility(point.Outcome)));
            }
        }, seed: "awK8zbDsXf_q3", cases: 400);
    }

    private sealed record Expected(
        Outcome MaxWelfare, Outcome? Nash, Outcome? KalaiSmorodinsky, int FrontierSize, double ParetoDistance, double? NashDistance);

    /// <summary>The definitions applied literally to every outcome: no frontier involved.</summary>
    private static Expected BruteForce(List<Outcome> all, NegotiatorPreferences[] parties, Outcome? agreement)
    {
        var n = parties.Length;
        var u = all.ToDictionary(o => o, o => parties.Select(p => p.Utility(o)).ToArray());
        var r = parties.Select(p => p.Reservation).ToArray();
        double Sum(Outcome o) => u[o].Aggregate(0.0, (s, x) => s + x);
        Outcome? Best(IEnumerable<Outcome> outcomes, Func<Outcome, double> score) =>
            outcomes.OrderByDescending(score).ThenByDescending(Sum).ThenBy(o => o).FirstOrDefault();

        var rational = all.Where(o => Enumerable.Range(0, n).All(i => u[o][i] >= r[i])).ToList();
        Outcome? nash = null, ks = null;
        if (rational.Count > 0)
        {
            var ideal = Enumerable.Range(0, n).Select(i => rational.Max(o => u[o][i])).ToArray();
            var gaining = Enumerable.Range(0, n).Where(i => ideal[i] > r[i]).ToList();
            nash = Best(rational, o => gaining.Aggregate(1.0, (p, i) => p * (u[o][i] - r[i])));
            ks = Best(rational, o => gaining.Select(i => (u[o][i] - r[i]) / (ideal[i] - r[i])).DefaultIfEmpty(1).Min());
        }

        bool Dominates(double[] q, double[] p) => q.Zip(p).All(x => x.First >= x.Second) && q.Zip(p).Any(x => x.First > x.Second);
        var frontier = all.Where(o => !all.Any(q => Dominates(u[q], u[o]))).ToList();
        var settlement = agreement is null ? r : u[agreement];
        double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b).Sum(x => (x.First - x.Second) * (x.First - x.Second)));
        return new Expected(
            Best(all, Sum)!,
            nash,
            ks,
            frontier.Count,
            frontier.Min(o => Distance(settlement, u[o])),
            nash is null ? null : Distance(settlement, u[nash]));
    }

    /// <summary>x = i/1000 for i = 0..1000; party 1 values x, party 2 1 − x² (so u2 = 1 − x²).</summary>
    private static (OutcomeSpace Space, NegotiatorPreferences One, NegotiatorPreferences Two) Parabola(double r1, double r2)
    {
        var space = OutcomeSpace.Separable(1001);
        var x = Enumerable.Range(0, 1001).Select(i => i / 1000.0).ToArray();
        return (space,
            new NegotiatorPreferences(new AdditiveValueFunction(space, [x]), r1),
            new NegotiatorPreferences(new AdditiveValueFunction(space, [[.. x.Select(v => 1 - v * v)]]), r2));
    }
}
