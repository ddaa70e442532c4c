using Simulation.Model.Statistics;
using Simulation.Model.Determinism;
using Simulation.Model.Inference;

namespace Simulation.Model.Tests.Inference;

public sealed class PriorTests
{
    [Theory]
    // Φ from tables (Abramowitz & Stegun 1964, table 26.1).
    [InlineData(0, 0.5)]
    [InlineData(1, 0.8413447460685429)]
    [InlineData(1.96, 0.9750021048517795)]
    [InlineData(-3, 0.0013498980316301)]
    [InlineData(4.5, 0.9999966023268753)]
    public void The_normal_distribution_function_matches_its_table(double z, double expected)
    {
        StandardNormal.Cdf(z).Should().BeApproximately(expected, 1e-10);
    }

    [Fact]
    public void A_truncated_normal_prior_integrates_to_one_on_its_range()
    {
        // normal(1, 2) on [0, 100]: the mass kept is 1 − Φ(−0.5) = 0.691462...
        var prior = new NormalPrior(1, 2, 0, 100);

        prior.Mass.Should().BeApproximately(0.6914624612740131, 1e-9);
        Integrate(prior.Density, 0, 100).Should().BeApproximately(1, 1e-6);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(0.95)]
    public void A_reflected_kernel_is_a_density_on_the_support_and_its_draws_stay_inside(double from)
    {
        var prior = new UniformPrior(0, 1);
        var kernel = prior.KernelFor([0.2, 0.5, 0.9], [0.2, 0.3, 0.5]);

        Integrate(x => kernel.Density(x, from), 0, 1).Should().BeApproximately(1, 1e-6, because: "the reflections give the mass beyond a bound back inside");
        var random = SeededRandom.For(1, "kernel");
        Enumerable.Range(0, 10_000).Select(_ => kernel.Perturb(from, random)).Should().OnlyContain(x => x >= 0 && x <= 1);
    }

    [Fact]
    public void The_kernels_scale_is_twice_the_weighted_variance_of_the_generation()
    {
        // Values 0.2, 0.5, 0.9 weighted 0.2, 0.3, 0.5: mean 0.04 + 0.15 + 0.45 = 0.64; variance
        // 0.2·0.44² + 0.3·0.14² + 0.5·0.26² = 0.03872 + 0.00588 + 0.0338 = 0.0784; twice that is 0.1568.
        var kernel = (ReflectedGaussianKernel)new UniformPrior(-100, 100).KernelFor([0.2, 0.5, 0.9], [0.2, 0.3, 0.5]);

        kernel.Scale.Should().BeApproximately(Math.Sqrt(0.1568), 1e-12);
        // Far from the bounds it is a plain Gaussian: at one standard deviation, φ(1)/σ.
        kernel.Density(0.3 + kernel.Scale, 0.3).Should().BeApproximately(0.24197072451914337 / kernel.Scale, 1e-12);
    }

    [Fact]
    public void A_log_uniform_prior_is_perturbed_on_the_log_scale()
    {
        var prior = new LogUniformPrior(0.1, 10);
        var kernel = (ReflectedGaussianKernel)prior.KernelFor([0.1, 10], [0.5, 0.5]);

        // ln 0.1 and ln 10 are ±2.302585: weighted variance 2.302585² = 5.301898, so the scale is √(2 · 5.301898).
        kernel.Scale.Should().BeApproximately(Math.Sqrt(2 * Math.Pow(Math.Log(10), 2)), 1e-12);
        prior.Density(prior.ToKernel(1)).Should().BeApproximately(1 / (2 * Math.Log(10)), 1e-15);
        Integrate(y => kernel.Density(Math.Exp(y), 1), Math.Log(0.1), Math.Log(10)).Should().BeApproximately(1, 1e-6);
    }

    [Fact]
    public void A_choice_kernel_keeps_the_option_with_probability_four_fifths()
    {
        var prior = new ChoicePrior(["a", "b", "c"], [0.5, 0.3, 0.2]);
        var kernel = prior.KernelFor([0, 1], [0.5, 0.5]);

        // From b: kept 0.8 + redrawn as b 0.2·0.3 = 0.86; a: 0.2·0.5 = 0.1; c: 0.2·0.2 = 0.04.
        kernel.Density(1, 1).Should().BeApproximately(0.86, 1e-15);
        kernel.Density(0, 1).Should().BeApproximately(0.1, 1e-15);
        kernel.Density(2, 1).Should().BeApproximately(0.04, 1e-15);
        var random = SeededRandom.For(3, "choice");
        var kept = Enumerable.Range(0, 20_000).Count(_ => kernel.Perturb(1, random) == 1) / 20_000.0;
        kept.Should().BeApproximately(0.86, 4 * Math.Sqrt(0.86 * 0.14 / 20_000), because: "a binomial share within four standard errors");
    }

    private static double Integrate(Func<double, double> f, double a, double b)
    {
        // Composite Simpson's rule on 20,000 intervals.
        const int n = 20_000;
        var h = (b - a) / n;
        var sum = f(a) + f(b);
        for (var i = 1; i < n; i++)
        {
            sum += f(a + (i * h)) * (i % 2 == 1 ? 4 : 2);
        }

        return sum * h / 3;
    }
}
