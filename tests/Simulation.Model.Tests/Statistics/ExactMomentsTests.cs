using Simulation.Model.Statistics;

namespace Simulation.Model.Tests.Statistics;

public sealed class ExactMomentsTests
{
    [Fact]
    public void One_to_five_give_the_textbook_t_interval()
    {
        // x̄ = 3, s² = 10/4 = 2.5, t(0.975, 4) = 2.776445 (any t table): half-width 2.776445·√2.5/√5 = 1.963243.
        var moments = new ExactMoments();
        foreach (var x in new double[] { 4, 2, 5, 1, 3 })
        {
            moments.Add(x);
        }

        moments.Mean.Should().Be(3);
        moments.Variance.Should().Be(2.5);
        var interval = moments.Interval();
        interval.Count.Should().Be(5);
        interval.Low!.Value.Should().BeApproximately(3 - 1.963243, 1e-6);
        interval.High!.Value.Should().BeApproximately(3 + 1.963243, 1e-6);
    }

    [Fact]
    public void The_mean_of_a_tenth_a_fifth_and_three_tenths_is_exactly_the_double_nearest_a_fifth()
    {
        // In doubles 0.1 + 0.2 + 0.3 = 0.6000000000000001, and /3 gives 0.20000000000000004; the exact
        // sum of the three doubles divided by 3 rounds to the double nearest 0.2.
        var moments = new ExactMoments();
        moments.Add(0.1);
        moments.Add(0.2);
        moments.Add(0.3);

        moments.Mean.Should().Be(0.2);
    }

    [Fact]
    public void The_order_of_the_values_does_not_change_a_bit_of_the_mean_or_variance()
    {
        // Values of very different sizes, where a floating-point running sum loses the small ones
        // in an order-dependent way: 1e16 + 1 + 1 − 1e16 is 0 one way and 2 the other.
        double[] values = [1e16, 1, 1, -1e16, 0.1, 3.7e-5, 123456.789];
        var forward = new ExactMoments();
        var backward = new ExactMoments();
        foreach (var x in values)
        {
            forward.Add(x);
        }

        foreach (var x in values.Reverse())
        {
            backward.Add(x);
        }

        backward.Mean.Should().Be(forward.Mean);
        backward.Variance.Should().Be(forward.Variance);
        // Exact sum: 2 + 0.1 + 3.7e-5 + 123456.789 = 123458.889037 (to the doubles' precision), over 7.
        forward.Mean.Should().BeApproximately(123458.889037 / 7, 1e-9);
    }

    [Fact]
    public void Negative_and_tiny_values_are_summed_exactly()
    {
        // −2 and 4: mean 1, variance ((−3)² + 3²)/1 = 18. The smallest subnormal, 2^−1074, has mean itself.
        var moments = new ExactMoments();
        moments.Add(-2);
        moments.Add(4);
        (moments.Mean, moments.Variance).Should().Be((1, 18));

        var tiny = new ExactMoments();
        tiny.Add(double.Epsilon);
        tiny.Mean.Should().Be(double.Epsilon);
        tiny.Interval().Should().Be(new MeanInterval(1, double.Epsilon, null, null));
    }
}
