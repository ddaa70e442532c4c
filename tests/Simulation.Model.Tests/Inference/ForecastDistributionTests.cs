using Simulation.Model.Inference;
using Simulation.Model.Inference.Forecasts;
using Simulation.Model.Negotiation;

namespace Simulation.Model.Tests.Inference;

/// <summary>The predictive distribution of a handful of made-up runs, counted by hand, and its scores worked by hand.</summary>
public sealed class ForecastDistributionTests
{
    private const double Exact = 1e-12;

    /// <summary>
    /// Five runs: agreed, agreed, failed, agreed, failed. The tariff ends at levels 2, 2, 0 (failed), 2, 0 (failed);
    /// the discrete issue at 1, 0, 0, 1, 0. CAN's ΔW 10, −2, 0, 7, 0; IDN's 1 in every run.
    /// </summary>
    private static readonly RunEnd[] s_runs =
    [
        Run(true, 2, 1, 10),
        Run(true, 2, 0, -2),
        Run(false, 0, 0, 0),
        Run(true, 2, 1, 7),
        Run(false, 0, 0, 0),
    ];

    [Fact]
    public void Five_runs_give_shares_counted_by_hand_with_every_level_listed()
    {
        var forecast = ForecastDistribution.Of(ForecastTable.Issues(), s_runs);

        forecast.Negotiation.Should().Be("CAN-IDN");
        forecast.Runs.Should().Be(5);
        // 3 of 5 agreed.
        forecast.AgreementProbability.Should().Be(0.6);
        forecast.Issues.Select(i => i.Issue).Should().Equal(ForecastTable.Tariff, ForecastTable.Discrete);
        // Tariff: level 0 (5%) in 2 runs, level 1 (2.5%) in none, level 2 (0%) in 3.
        forecast.Issues[0].Levels.Should().Equal(IssueLevel.ForTariff(5), IssueLevel.ForTariff(2.5), IssueLevel.ForTariff(0));
        forecast.Issues[0].Probabilities.Should().Equal(0.4, 0, 0.6);
        // Discrete: none in 3 runs, panel in 2.
        forecast.Issues[1].Levels.Should().Equal(IssueLevel.ForDiscrete("none"), IssueLevel.ForDiscrete("panel"));
        forecast.Issues[1].Probabilities.Should().Equal(0.6, 0.4);
    }

    [Fact]
    public void Welfare_is_the_mean_and_the_type_7_quantiles_of_the_runs()
    {
        // CAN sorted: −2, 0, 0, 7, 10; mean 15/5 = 3. Type 7, n = 5: q05 at h = 4·0.05 = 0.2:
        // x0 + 0.2·(x1 − x0) = −2 + 0.2·2 = −1.6; q95 at h = 4·0.95 = 3.8: x3 + 0.8·(x4 − x3) = 7 + 0.8·3 = 9.4.
        var forecast = ForecastDistribution.Of(ForecastTable.Issues(), s_runs);

        forecast.Welfare.Keys.Should().Equal("CAN", "IDN");
        forecast.Welfare["CAN"].Mean.Should().BeApproximately(3, Exact);
        forecast.Welfare["CAN"].Q05.Should().BeApproximately(-1.6, Exact);
        forecast.Welfare["CAN"].Q95.Should().BeApproximately(9.4, Exact);
        forecast.Welfare["IDN"].Should().Be(new WelfareInterval(1, 1, 1));
    }

    [Fact]
    public void Quantiles_of_two_values_interpolate_between_them()
    {
        // n = 2: h = 0.05 and 0.95: 0 + 0.05·100 = 5 and 0 + 0.95·100 = 95.
        var interval = WelfareInterval.Of([100, 0]);

        interval.Mean.Should().Be(50);
        interval.Q05.Should().BeApproximately(5, Exact);
        interval.Q95.Should().BeApproximately(95, Exact);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(10)]
    [InlineData(1000)]
    public void Each_issues_probabilities_sum_to_one(int runs)
    {
        // Levels spread unevenly: run r ends the tariff at r mod 3 when r is odd, else 0.
        var ends = Enumerable.Range(0, runs).Select(r => Run(r % 2 == 1, r % 2 == 1 ? r % 3 : 0, r % 2, r)).ToList();

        var forecast = ForecastDistribution.Of(ForecastTable.Issues(), ends);

        foreach (var issue in forecast.Issues)
        {
            issue.Probabilities.Sum().Should().BeApproximately(1, Exact);
            issue.Probabilities.Select(p => Math.Round(p * runs)).Sum().Should().Be(runs, "each probability is a count over the runs");
        }
    }

    [Fact]
    public void A_forecast_is_scored_on_the_observed_issues_and_lists_the_others_as_not_scored()
    {
        // Tariff forecast (0.4, 0, 0.6), observed level 2. Smoothed: 0.396 + 1/300 = 599/1500, 1/300 = 5/1500,
        // 0.594 + 1/300 = 896/1500. log ln(896/1500) = −0.5152799741153711.
        // Brier (599² + 5² + 604²)/1500² = 723642/2250000. RPS P = (599, 604)/1500, O = (0, 0): (599² + 604²)/1500²/2 = 723617/4500000.
        // Agreement 0.6 smoothed 0.594 + 0.005 = 0.599, agreed: ln 0.599, Brier 0.401² = 0.160801.
        var table = ForecastTable.Issues();
        var forecast = ForecastDistribution.Of(table, s_runs);

        var score = forecast.ScoreAgainst(table, new ObservedOutcome(NegotiationStatus.Agreed, [2, null]));

        score.Issues.Should().ContainSingle();
        score.Issues[0].Issue.Should().Be(ForecastTable.Tariff);
        score.Issues[0].LogScore.Should().BeApproximately(-0.5152799741153711, Exact);
        score.Issues[0].Brier.Should().BeApproximately(723642.0 / 2250000, Exact);
        score.Issues[0].RankedProbability.Should().BeApproximately(723617.0 / 4500000, Exact);
        score.Agreement.LogScore.Should().BeApproximately(Math.Log(0.599), Exact);
        score.Agreement.Brier.Should().BeApproximately(0.160801, Exact);
        score.NotScored.Should().Equal(ForecastTable.Discrete);
        score.LogScore.Should().Be(score.Issues[0].LogScore);
    }

    [Fact]
    public void A_forecast_of_another_negotiation_or_without_an_observed_issue_cannot_be_scored()
    {
        var table = ForecastTable.Issues();
        var forecast = ForecastDistribution.Of(table, s_runs);
        var observed = new ObservedOutcome(NegotiationStatus.Agreed, [2, 1]);
        var other = forecast with { Negotiation = "CAN-CHN" };
        var partial = forecast with { Issues = [forecast.Issues[0]] };
        var otherLevels = forecast with { Issues = [forecast.Issues[0] with { Levels = [IssueLevel.ForTariff(5), IssueLevel.ForTariff(1), IssueLevel.ForTariff(0)] }, forecast.Issues[1]] };

        other.Mismatches(table, observed).Should().ContainSingle().Which.Should().Contain("negotiation CAN-CHN").And.Contain("CAN-IDN");
        partial.Mismatches(table, observed).Should().ContainSingle().Which.Should().Contain("dispute_settlement was observed");
        otherLevels.Mismatches(table, observed).Should().ContainSingle().Which.Should().Contain("(5, 1, 0)").And.Contain("(5, 2.5, 0)");
        var score = () => other.ScoreAgainst(table, observed);
        score.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Runs_that_do_not_fit_the_table_are_refused()
    {
        var none = () => ForecastDistribution.Of(ForecastTable.Issues(), []);
        var short_ = () => ForecastDistribution.Of(ForecastTable.Issues(), [new RunEnd(true, [1], new Dictionary<string, double>())]);

        none.Should().Throw<ArgumentException>().WithMessage("*at least one run*");
        short_.Should().Throw<ArgumentException>().WithMessage("*ends 1 issues*has 2*");
    }

    private static RunEnd Run(bool agreed, int tariff, int discrete, double canada) =>
        new(agreed, [tariff, discrete], new Dictionary<string, double> { ["IDN"] = 1, ["CAN"] = canada });
}
