using Simulation.Model.Benchmarks;
using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Model.Tests.Benchmarks;

/// <summary>
/// Workload W1 (DESIGN §7) as the bench and scenarios/w1.yaml give it, checked against a brute-force
/// replay written here from the rules alone (DESIGN §4.4), in exact integers: a party's utility times
/// 90 is 5a + 3b + 2c for ONE and 2(9 − a) + 3(9 − b) + 5(9 − c) for TWO, a, b, c the values (0–9) agreed.
/// </summary>
public sealed class W1WorkloadTests
{
    [Fact]
    public void The_shipped_scenario_file_is_the_workload_of_the_boulware_conceder_pair()
    {
        File.ReadAllText(RepositoryPaths.Scenario("w1.yaml")).ReplaceLineEndings("\n")
            .Should().Be(W1Workload.ScenarioText(W1Workload.BoulwareVsConceder));
    }

    [Fact]
    public void Each_party_values_every_outcome_as_its_weights_say_and_its_best_outcome_at_1()
    {
        var scenario = Parse(W1Workload.LinearVsLinear);
        var negotiation = scenario.Negotiation(W1Workload.NegotiationId);

        negotiation.Issues.Should().HaveCount(3).And.AllBeOfType<DiscreteIssueSpec>();
        negotiation.Issues.Cast<DiscreteIssueSpec>().Should().AllSatisfy(i => i.Values.Should().HaveCount(10));
        for (var a = 0; a < 10; a++)
        {
            for (var b = 0; b < 10; b++)
            {
                for (var c = 0; c < 10; c++)
                {
                    var one = W1Workload.Utility("ONE", 0, a) + W1Workload.Utility("ONE", 1, b) + W1Workload.Utility("ONE", 2, c);
                    var two = W1Workload.Utility("TWO", 0, a) + W1Workload.Utility("TWO", 1, b) + W1Workload.Utility("TWO", 2, c);
                    one.Should().BeApproximately(OneTimes90(a, b, c) / 90.0, 1e-12);
                    two.Should().BeApproximately(TwoTimes90(a, b, c) / 90.0, 1e-12);
                }
            }
        }

        // Best outcomes by hand: ONE's is (9, 9, 9), worth 0.5 + 0.3 + 0.2 = 1; TWO's is (0, 0, 0), worth 0.2 + 0.3 + 0.5 = 1.
        OneTimes90(9, 9, 9).Should().Be(90);
        TwoTimes90(0, 0, 0).Should().Be(90);
    }

    [Fact]
    public async Task Linear_against_linear_agrees_where_the_two_concession_lines_cross_as_a_brute_force_replay_finds()
    {
        // By hand: both targets fall as 1 − m/200 (m the turns taken of 200); the best joint outcomes
        // give ONE a = 9 and TWO c = 0 (sum of utilities 1.3), so the lines cross near 2(1 − m/200) = 1.3,
        // m ≈ 70; the 1/90 grid of utilities puts the first acceptance at turn 74 (m counted from 0),
        // round 38, on an offer worth 57/90 to ONE and 60/90 to TWO. The replay finds the same.
        Replay(1, 1).Should().Be((74, 38, 57, 60));

        await ShouldPlayAsTheReplay(W1Workload.LinearVsLinear, 38, 57, 60);
    }

    [Fact]
    public async Task Boulware_against_conceder_agrees_in_round_63_as_the_brute_force_replay_finds()
    {
        Replay(0.2, 2).Should().Be((124, 63, 82, 20));

        await ShouldPlayAsTheReplay(W1Workload.BoulwareVsConceder, 63, 82, 20);
    }

    private static async Task ShouldPlayAsTheReplay(W1Pair pair, int round, int oneTimes90, int twoTimes90)
    {
        var scenario = Parse(pair);
        var result = await EngineRuns.PlayAsync(scenario, scenario.Seed);

        var w1 = result.Negotiations.Should().ContainSingle().Subject;
        w1.Status.Should().Be(NegotiationStatus.Agreed);
        w1.Round.Should().Be(round);
        w1.Assessments["ONE"].Utility.Should().BeApproximately(oneTimes90 / 90.0, 1e-12);
        w1.Assessments["TWO"].Utility.Should().BeApproximately(twoTimes90 / 90.0, 1e-12);
        OneTimes90(w1.Agreement![0], w1.Agreement[1], w1.Agreement[2]).Should().Be(oneTimes90);
    }

    private static Scenario Parse(W1Pair pair) => ScenarioLoader.Parse(W1Workload.ScenarioText(pair), "w1.yaml");

    private static int OneTimes90(int a, int b, int c) => 5 * a + 3 * b + 2 * c;

    private static int TwoTimes90(int a, int b, int c) => 2 * (9 - a) + 3 * (9 - b) + 5 * (9 - c);

    /// <summary>
    /// Alternating offers over all 1,000 outcomes, ONE first, 100 rounds (200 turns): at turn m the
    /// mover's target is 1 − (m/200)^(1/e); it bids, among outcomes worth at least the target, the
    /// best for the other (the economic opponent model knows the other's numbers in a utility
    /// scenario), then the best for itself; it accepts the standing offer if it is worth at least
    /// that bid (AC_next). Returns the turn and round of the acceptance and the agreed utilities × 90.
    /// </summary>
    private static (int Turn, int Round, int One, int Two) Replay(double oneE, double twoE)
    {
        var outcomes = (from a in Enumerable.Range(0, 10) from b in Enumerable.Range(0, 10) from c in Enumerable.Range(0, 10)
                        select (One: OneTimes90(a, b, c), Two: TwoTimes90(a, b, c))).ToList();
        (int One, int Two)? standing = null;
        for (var m = 0; m < 200; m++)
        {
            var oneMoves = m % 2 == 0;
            var e = oneMoves ? oneE : twoE;
            var target = 1 - Math.Pow(m / 200.0, 1 / e);
            int Mine((int One, int Two) o) => oneMoves ? o.One : o.Two;
            int Theirs((int One, int Two) o) => oneMoves ? o.Two : o.One;
            var bid = outcomes.Where(o => Mine(o) >= 90 * target)
                .OrderByDescending(Theirs).ThenByDescending(Mine).First();
            if (standing is { } offer && Mine(offer) >= Mine(bid))
            {
                return (m, m / 2 + 1, offer.One, offer.Two);
            }

            standing = bid;
        }

        throw new InvalidOperationException("No agreement within 100 rounds.");
    }
}
