using Simulation.Model.Inference;
using Simulation.Model.Inference.Forecasts;
using Simulation.Model.Negotiation;

namespace Simulation.Model.Tests.Inference;

/// <summary>The three baselines a calibrated forecast is compared with, and their scores worked by hand.</summary>
public sealed class BaselineTests
{
    private const double Exact = 1e-12;
    private static readonly ObservedOutcome s_agreedAtZeroAndPanel = new(NegotiationStatus.Agreed, [2, 1]);

    [Fact]
    public void The_status_quo_puts_all_mass_on_no_agreement_and_level_zero()
    {
        var forecast = Baselines.StatusQuo(ForecastTable.Issues());

        forecast.AgreementProbability.Should().Be(0);
        forecast.Issues[0].Probabilities.Should().Equal(1, 0, 0);
        forecast.Issues[1].Probabilities.Should().Equal(1, 0);
        forecast.Runs.Should().Be(0);
        forecast.Welfare.Should().BeEmpty();
    }

    [Fact]
    public void The_status_quo_scored_against_a_deal_is_charged_the_smoothed_floor()
    {
        // Tariff (1, 0, 0) smoothed: 0.99 + 1/300, 1/300, 1/300; level 2 observed: ln(1/300).
        // Discrete (1, 0) smoothed: 0.995, 0.005; panel observed: ln 0.005. Agreement 0 smoothed 0.005: ln 0.005, Brier 0.995².
        var table = ForecastTable.Issues();

        var score = Baselines.StatusQuo(table).ScoreAgainst(table, s_agreedAtZeroAndPanel);

        score.Issues[0].LogScore.Should().BeApproximately(Math.Log(1.0 / 300), Exact);
        score.Issues[1].LogScore.Should().BeApproximately(Math.Log(0.005), Exact);
        score.Agreement.LogScore.Should().BeApproximately(Math.Log(0.005), Exact);
        score.Agreement.Brier.Should().BeApproximately(0.995 * 0.995, Exact);
    }

    [Fact]
    public void The_uniform_forecast_is_unchanged_by_smoothing_and_scores_as_by_hand()
    {
        // (1/3, 1/3, 1/3) smoothed is itself. Level 2: log ln(1/3); Brier (1/3)² + (1/3)² + (2/3)² = 6/9;
        // RPS P = (1/3, 2/3), O = (0, 0): (1/9 + 4/9)/2 = 5/18. Discrete (1/2, 1/2): ln(1/2), Brier 1/4 + 1/4, RPS 1/4.
        var table = ForecastTable.Issues();
        var forecast = Baselines.Uniform(table);

        var score = forecast.ScoreAgainst(table, s_agreedAtZeroAndPanel);

        forecast.AgreementProbability.Should().Be(0.5);
        score.Issues[0].LogScore.Should().BeApproximately(Math.Log(1.0 / 3), Exact);
        score.Issues[0].Brier.Should().BeApproximately(6.0 / 9, Exact);
        score.Issues[0].RankedProbability.Should().BeApproximately(5.0 / 18, Exact);
        score.Issues[1].LogScore.Should().BeApproximately(Math.Log(0.5), Exact);
        score.Issues[1].Brier.Should().BeApproximately(0.5, Exact);
        score.Issues[1].RankedProbability.Should().BeApproximately(0.25, Exact);
        score.Agreement.LogScore.Should().BeApproximately(Math.Log(0.5), Exact);
        score.Agreement.Brier.Should().BeApproximately(0.25, Exact);
    }

    [Fact]
    public void A_single_run_is_a_certain_forecast_of_where_it_ended()
    {
        var forecast = Baselines.SingleRun(ForecastTable.Issues(), new RunEnd(true, [1, 0], new Dictionary<string, double> { ["CAN"] = 4 }));

        forecast.Runs.Should().Be(1);
        forecast.AgreementProbability.Should().Be(1);
        forecast.Issues[0].Probabilities.Should().Equal(0, 1, 0);
        forecast.Issues[1].Probabilities.Should().Equal(1, 0);
        forecast.Welfare["CAN"].Should().Be(new WelfareInterval(4, 4, 4));
    }
}
