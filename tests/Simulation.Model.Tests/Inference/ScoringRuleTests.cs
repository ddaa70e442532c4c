using Simulation.Model.Inference.Scoring;

namespace Simulation.Model.Tests.Inference;

/// <summary>
/// The scores of DESIGN §9 against numbers worked by hand (exact fractions, then rounded), and the
/// properties that make them scores: a certain, right forecast costs nothing, and none pays a
/// forecaster to say anything but what it believes (propriety, checked by brute force on a grid).
/// </summary>
public sealed class ScoringRuleTests
{
    private const double Exact = 1e-12;

    [Fact]
    public void Smoothing_mixes_in_one_percent_of_the_uniform_forecast()
    {
        // L = 3: 0.01/3 = 1/300. 0.99·0.5 + 1/300 = 0.495 + 0.0033… = 299/600 = 0.498333…,
        // 0.99·0.3 + 1/300 = 0.297 + 0.0033… = 901/3000 = 0.300333…, 0.99·0.2 + 1/300 = 0.198 + 0.0033… = 151/750 = 0.201333….
        var smoothed = ScoringRules.Smooth([0.5, 0.3, 0.2]);

        smoothed.Should().HaveCount(3);
        smoothed[0].Should().BeApproximately(299.0 / 600, Exact);
        smoothed[1].Should().BeApproximately(901.0 / 3000, Exact);
        smoothed[2].Should().BeApproximately(151.0 / 750, Exact);
        smoothed.Sum().Should().BeApproximately(1, Exact);
    }

    [Fact]
    public void A_forecast_of_half_three_tenths_and_a_fifth_scored_against_the_third_level()
    {
        // Smoothed p = (299/600, 901/3000, 151/750), k̂ = 2 (the third level, counted from 0).
        // log: ln(151/750) = ln 0.201333… = −1.6027933697154317.
        // Brier: (299/600)² + (901/3000)² + (151/750 − 1)² = 0.248336… + 0.090200… + 0.637867… = 1464607/1500000 = 0.976404666….
        // RPS: P = (299/600, 299/600 + 901/3000 = 599/750), O = (0, 0): ((299/600)² + (599/750)²)/2
        //      = (0.248336… + 0.637868…)/2 = 7975841/18000000 = 0.443102277….
        var score = IssueScore.Of("CHN:CAN:canola_seed", [0.5, 0.3, 0.2], 2);

        score.Issue.Should().Be("CHN:CAN:canola_seed");
        score.Observed.Should().Be(2);
        score.LogScore.Should().BeApproximately(-1.6027933697154317, Exact);
        score.Brier.Should().BeApproximately(1464607.0 / 1500000, Exact);
        score.RankedProbability.Should().BeApproximately(7975841.0 / 18000000, Exact);
    }

    [Fact]
    public void The_same_forecast_scored_against_the_middle_level_is_charged_less_by_the_ranked_score()
    {
        // k̂ = 1. Brier: (299/600)² + (901/3000 − 1)² + (151/750)² = 1167607/1500000 = 0.778404666….
        // RPS: O = (0, 1): ((299/600)² + (599/750 − 1)²)/2 = 2599841/18000000 = 0.144435611….
        var score = IssueScore.Of("x", [0.5, 0.3, 0.2], 1);

        score.LogScore.Should().BeApproximately(Math.Log(901.0 / 3000), Exact);
        score.Brier.Should().BeApproximately(1167607.0 / 1500000, Exact);
        score.RankedProbability.Should().BeApproximately(2599841.0 / 18000000, Exact);
    }

    [Fact]
    public void The_rules_before_smoothing_give_the_textbook_numbers()
    {
        // p = (0.5, 0.3, 0.2), k̂ = 2: Brier 0.25 + 0.09 + 0.64 = 0.98; RPS (0.5² + 0.8²)/2 = 0.89/2 = 0.445.
        ScoringRules.Brier([0.5, 0.3, 0.2], 2).Should().BeApproximately(0.98, Exact);
        ScoringRules.RankedProbability([0.5, 0.3, 0.2], 2).Should().BeApproximately(0.445, Exact);
        ScoringRules.LogScore([0.5, 0.3, 0.2], 2).Should().BeApproximately(Math.Log(0.2), Exact);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 3)]
    [InlineData(2, 3)]
    [InlineData(3, 5)]
    public void A_certain_forecast_of_what_happened_scores_zero_before_smoothing(int observed, int levels)
    {
        var certain = Enumerable.Range(0, levels).Select(k => k == observed ? 1.0 : 0.0).ToArray();

        ScoringRules.Brier(certain, observed).Should().Be(0);
        ScoringRules.RankedProbability(certain, observed).Should().Be(0);
        ScoringRules.LogScore(certain, observed).Should().Be(0);
    }

    [Fact]
    public void A_certain_forecast_of_the_wrong_extreme_scores_the_worst()
    {
        // All mass on level 0, level 2 happened: Brier 1 + 1 = 2; RPS P = (1, 1), O = (0, 0): 2/2 = 1.
        ScoringRules.Brier([1, 0, 0], 2).Should().Be(2);
        ScoringRules.RankedProbability([1, 0, 0], 2).Should().Be(1);
    }

    [Fact]
    public void Mass_on_a_neighbouring_level_costs_less_rps_than_mass_far_away_while_brier_cannot_tell()
    {
        // k̂ = 2. Next door (0, 1, 0): P = (0, 1), O = (0, 0): RPS 1/2. Far (1, 0, 0): RPS 1. Brier 2 for both.
        ScoringRules.RankedProbability([0, 1, 0], 2).Should().Be(0.5);
        ScoringRules.RankedProbability([1, 0, 0], 2).Should().Be(1);
        ScoringRules.Brier([0, 1, 0], 2).Should().Be(ScoringRules.Brier([1, 0, 0], 2));
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.3, 0)]
    [InlineData(0.3, 1)]
    [InlineData(0.85, 1)]
    [InlineData(1.0, 1)]
    public void With_two_levels_the_ranked_score_is_half_the_brier_score(double second, int observed)
    {
        // L = 2: RPS = (p_0 − O_0)²/1, Brier = (p_0 − o_0)² + (p_1 − o_1)², and p_1 − o_1 = −(p_0 − o_0).
        double[] p = [1 - second, second];

        ScoringRules.RankedProbability(p, observed).Should().BeApproximately(ScoringRules.Brier(p, observed) / 2, Exact);
    }

    [Fact]
    public void A_level_given_no_probability_costs_the_log_of_its_smoothed_share_not_minus_infinity()
    {
        // L = 4: 0.99·0 + 0.01/4 = 0.0025.
        IssueScore.Of("x", [1, 0, 0, 0], 3).LogScore.Should().BeApproximately(Math.Log(0.0025), Exact);
    }

    [Fact]
    public void Agreement_is_scored_as_one_event_smoothed_over_agreeing_or_not()
    {
        // p = 0.8 smoothed: 0.99·0.8 + 0.01/2 = 0.792 + 0.005 = 0.797.
        // Agreed: ln 0.797 = −0.22690060019192196, Brier (0.797 − 1)² = 0.203² = 0.041209.
        // Not agreed: ln 0.203 = −1.5945492999403499, Brier 0.797² = 0.635209.
        var agreed = AgreementScore.Of(0.8, agreed: true);
        var failed = AgreementScore.Of(0.8, agreed: false);

        agreed.LogScore.Should().BeApproximately(-0.22690060019192196, Exact);
        agreed.Brier.Should().BeApproximately(0.041209, Exact);
        failed.LogScore.Should().BeApproximately(-1.5945492999403499, Exact);
        failed.Brier.Should().BeApproximately(0.635209, Exact);
    }

    [Fact]
    public void The_totals_are_the_sums_over_the_issues_and_leave_agreement_beside_them()
    {
        // The two issues above: log −1.6027933697… + ln(901/3000); Brier 0.976404666… + 0.778404666…;
        // RPS 0.443102277… + 0.144435611….
        var score = new ForecastScore(
            [IssueScore.Of("a", [0.5, 0.3, 0.2], 2), IssueScore.Of("b", [0.5, 0.3, 0.2], 1)],
            AgreementScore.Of(0.8, agreed: true));

        score.LogScore.Should().BeApproximately(-1.6027933697154317 + Math.Log(901.0 / 3000), Exact);
        score.Brier.Should().BeApproximately((1464607.0 + 1167607.0) / 1500000, Exact);
        score.RankedProbability.Should().BeApproximately((7975841.0 + 2599841.0) / 18000000, Exact);
    }

    [Fact]
    public void No_forecast_on_a_grid_has_a_better_expected_brier_or_ranked_score_than_the_belief_itself()
    {
        // Propriety by brute force: for each belief q on the 0.1-grid of the 3-level simplex, the
        // expected score Σ_k q_k S(p, k) over every forecast p on the finer 0.05-grid is least at p = q,
        // and strictly greater anywhere else (both rules are strictly proper).
        var beliefs = Simplex(10);
        var forecasts = Simplex(20);
        foreach (var q in beliefs)
        {
            foreach (var rule in new Func<double[], int, double>[] { ScoringRules.Brier, ScoringRules.RankedProbability })
            {
                double Expected(double[] p) => Enumerable.Range(0, 3).Sum(k => q[k] * rule(p, k));
                var atBelief = Expected(q);
                foreach (var p in forecasts.Where(p => !Same(p, q)))
                {
                    Expected(p).Should().BeGreaterThan(atBelief + 1e-12, "q = ({0}) must beat p = ({1})", string.Join(", ", q), string.Join(", ", p));
                }
            }
        }
    }

    [Fact]
    public void No_forecast_on_a_grid_has_a_better_expected_log_score_than_the_belief_itself()
    {
        // The same for the log score, over beliefs with every level possible (ln 0 is −∞ otherwise).
        var forecasts = Simplex(20).Where(p => p.All(x => x > 0)).ToList();
        foreach (var q in Simplex(10).Where(q => q.All(x => x > 0)))
        {
            double Expected(double[] p) => Enumerable.Range(0, 3).Sum(k => q[k] * ScoringRules.LogScore(p, k));
            var atBelief = Expected(q);
            foreach (var p in forecasts.Where(p => !Same(p, q)))
            {
                Expected(p).Should().BeLessThan(atBelief - 1e-12);
            }
        }
    }

    [Theory]
    [InlineData(new double[] { 0.5, 0.4 }, 0, "sum to")]
    [InlineData(new double[] { 1.2, -0.2 }, 0, "from 0 to 1")]
    [InlineData(new double[] { double.NaN, 1 }, 0, "from 0 to 1")]
    [InlineData(new double[] { 0.5, 0.5 }, 2, "observed")]
    [InlineData(new double[] { }, 0, "at least one level")]
    public void What_is_not_a_forecast_of_the_level_observed_is_refused(double[] probabilities, int observed, string message)
    {
        var score = () => IssueScore.Of("x", probabilities, observed);

        score.Should().Throw<ArgumentException>().WithMessage($"*{message}*");
    }

    /// <summary>Every (a, b, c)/n with a + b + c = n.</summary>
    private static List<double[]> Simplex(int n) =>
        [.. from a in Enumerable.Range(0, n + 1) from b in Enumerable.Range(0, n + 1 - a) select new[] { (double)a / n, (double)b / n, (double)(n - a - b) / n }];

    private static bool Same(double[] p, double[] q) => p.Zip(q).All(x => Math.Abs(x.First - x.Second) < 1e-9);
}
