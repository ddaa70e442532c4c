using Simulation.Model.Statistics;

namespace Simulation.Model.Tests.Statistics;

public sealed class StatisticsTests
{
    [Fact]
    public void The_interval_of_one_to_five_is_the_textbook_t_interval()
    {
        // x̄ = 3, s = √2.5, t(0.975, 4) = 2.776445 (any t table): half-width 2.776445·√2.5/√5 = 1.963243.
        var interval = MeanInterval.Of([1, 2, 3, 4, 5]);

        interval.Count.Should().Be(5);
        interval.Mean.Should().Be(3);
        interval.Low!.Value.Should().BeApproximately(3 - 1.963243, 1e-6);
        interval.High!.Value.Should().BeApproximately(3 + 1.963243, 1e-6);
    }

    [Fact]
    public void One_value_has_a_mean_and_no_interval()
    {
        MeanInterval.Of([7.5]).Should().Be(new MeanInterval(1, 7.5, null, null));
    }

    [Fact]
    public void Identical_values_have_an_interval_of_width_zero()
    {
        MeanInterval.Of([2, 2, 2]).Should().Be(new MeanInterval(3, 2, 2, 2));
    }

    [Fact]
    public void Pearson_and_Spearman_are_those_worked_by_hand()
    {
        // Deviations from the means (3, 4): x −2 −1 0 1 2, y −2 0 1 0 1; r = 6/√(10·6) = 0.774597.
        // Ranks of y with ties at their mean rank: 1, 2.5, 4.5, 2.5, 4.5; ρ = 7/√(10·9) = 0.737865.
        var correlation = InputCorrelation.Of("e", "gain", [1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);

        correlation.Pearson!.Value.Should().BeApproximately(6 / Math.Sqrt(60), 1e-12);
        correlation.Spearman!.Value.Should().BeApproximately(7 / Math.Sqrt(90), 1e-12);
    }

    [Fact]
    public void A_measure_that_does_not_vary_has_no_correlation()
    {
        var correlation = InputCorrelation.Of("e", "round", [1, 2, 3, 4], [60, 60, 60, 60]);

        (correlation.Pearson, correlation.Spearman).Should().Be((null, null));
    }
}
