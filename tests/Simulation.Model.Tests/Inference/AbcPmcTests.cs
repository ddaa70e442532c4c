using Simulation.Model.Determinism;
using Simulation.Model.Experiments;
using Simulation.Model.Inference;

namespace Simulation.Model.Tests.Inference;

public sealed class AbcPmcTests
{
    private static readonly Prior[] s_unit = [new UniformPrior(0, 1)];

    /// <summary>
    /// Beta–Binomial: θ ~ uniform(0, 1), k ~ Binomial(20, θ), observed k̂ = 6. A particle is kept when
    /// |k − k̂|/20 ≤ ε, so the ABC posterior at the final tolerance ε is π(θ)·P(|k − k̂| ≤ m | θ) with
    /// m = ⌊20ε⌋: since ∫ C(n,k) θ^k (1−θ)^(n−k) dθ = 1/(n+1) for every k, that is the equal mixture of
    /// Beta(k+1, n−k+1) over k̂−m ≤ k ≤ k̂+m, whose mean and quantiles are computed below in closed form.
    /// (At ε = 0 it is the exact posterior Beta(7, 15).) The tolerances are four Monte Carlo standard
    /// errors of a weighted sample of effective size ESS: sd/√ESS for the mean, √(q(1−q)/ESS)/f(x_q)
    /// for the q-quantile.
    /// </summary>
    [Fact]
    public async Task On_a_beta_binomial_model_the_posterior_mean_and_90_percent_interval_are_the_closed_form_ones()
    {
        const int n = 20, observed = 6;
        var abc = new AbcPmc(s_unit, [ToyModels.Count(n, observed)], new AbcSettings(Particles: 1200, Generations: 5, Seed: 5, Parallel: 2));

        var result = await abc.RunAsync(ToyModels.Binomial(n), []);

        var posterior = result.Posterior;
        posterior.Tolerance.Should().BeLessThan(result.Generations[1].Tolerance!.Value, because: "the tolerance must have tightened for the check to mean anything");
        var m = (int)Math.Floor((posterior.Tolerance!.Value * n) + 1e-9);
        var mixture = new BetaMixture([.. Enumerable.Range(observed - m, (2 * m) + 1).Where(k => k >= 0 && k <= n).Select(k => (k + 1, n - k + 1))]);
        var ess = posterior.EffectiveSampleSize;
        ess.Should().BeGreaterThan(300);
        var sample = posterior.Particles.Select(p => (p.Values[0], p.Weight)).ToList();

        sample.Sum(s => s.Item1 * s.Weight).Should().BeApproximately(mixture.Mean, 4 * mixture.StandardDeviation / Math.Sqrt(ess));
        foreach (var q in new[] { 0.05, 0.5, 0.95 })
        {
            var exact = mixture.Quantile(q);
            PosteriorSummary.Quantile(sample, q).Should().BeApproximately(exact, 4 * Math.Sqrt(q * (1 - q) / ess) / mixture.Density(exact), because: $"the {q} quantile");
        }
    }

    [Fact]
    public async Task The_posterior_is_the_same_whatever_the_parallelism()
    {
        var target = ToyModels.Count(20, 6);
        var one = await new AbcPmc(s_unit, [target], new AbcSettings(300, 4, Seed: 9, Parallel: 1)).RunAsync(ToyModels.Binomial(20), []);
        var four = await new AbcPmc(s_unit, [target], new AbcSettings(300, 4, Seed: 9, Parallel: 4)).RunAsync(ToyModels.Binomial(20), []);

        Describe(four).Should().Equal(Describe(one));
        one.Generations.Should().HaveCount(4);
        one.Stopped.Should().Be("4 generations were run, the number asked for");
    }

    [Fact]
    public async Task A_calibration_resumed_from_its_written_generations_ends_as_one_never_interrupted()
    {
        var target = ToyModels.Count(20, 6);
        AbcPmc Abc(int generations) => new(s_unit, [target], new AbcSettings(200, generations, Seed: 3, Parallel: 2));
        var whole = await Abc(4).RunAsync(ToyModels.Binomial(20), []);
        var written = new List<AbcGeneration>();
        await Abc(2).RunAsync(ToyModels.Binomial(20), [], (g, _) => { written.Add(g); return Task.CompletedTask; });

        var resumed = await Abc(4).RunAsync(ToyModels.Binomial(20), written);

        written.Should().HaveCount(2);
        Describe(resumed).Should().Equal(Describe(whole));
    }

    [Fact]
    public async Task A_generation_accepting_under_one_percent_ends_the_search_with_the_previous_as_posterior()
    {
        // A simulator whose level ignores θ (uniform on 0..1000): each generation keeps the lower half
        // of the previous one's distances, so its acceptance rate halves: about 2^−t in generation t,
        // under 1% from generation 7 on (0.78%), where 100·N proposals give about 39 of the 50 needed.
        var target = ToyModels.Count(1000, 500);
        AbcSimulator noise = (p, e, _) => Task.FromResult(new SimulatedOutcome(Simulation.Model.Negotiation.NegotiationStatus.Agreed,
            [SeededRandom.For(8, p.Id).Next(1001)]));

        var result = await new AbcPmc(s_unit, [target], new AbcSettings(50, 20, Seed: 1)).RunAsync(noise, []);

        var last = result.Generations.Count - 1;
        last.Should().BeInRange(5, 8, because: "the acceptance rate 2^−t falls under 1% around generation 7");
        result.Stopped.Should().StartWith($"generation {last + 1} (tolerance ").And.Contain("accepted fewer than 1% of 5000 proposals").And.EndWith($"the posterior is generation {last}");
        result.Generations.Skip(1).Should().OnlyContain(g => g.AcceptanceRate >= 0.01);
    }

    [Fact]
    public async Task When_more_than_half_the_particles_match_exactly_the_tolerance_reaches_zero_and_the_search_ends()
    {
        // A deterministic simulator: level 1 when θ ≥ 0.4, else 0; observed level 1. In generation 0
        // about 60% of the prior matches, so the median distance is 0: generation 1 runs at ε = 0 and
        // keeps θ ∈ [0.4, 1] alone, the exact posterior, uniform with mean 0.7 and sd 0.6/√12.
        var target = ToyModels.Count(1, 1);
        AbcSimulator step = (p, _, _) => Task.FromResult(new SimulatedOutcome(Simulation.Model.Negotiation.NegotiationStatus.Agreed, [p.Values[0] >= 0.4 ? 1 : 0]));

        var result = await new AbcPmc(s_unit, [target], new AbcSettings(400, 20, Seed: 2)).RunAsync(step, []);

        result.Generations.Should().HaveCount(2);
        result.Posterior.Tolerance.Should().Be(0);
        result.Stopped.Should().StartWith("the tolerance reached 0 in generation 1");
        result.Posterior.Particles.Should().OnlyContain(p => p.Values[0] >= 0.4);
        var ess = result.Posterior.EffectiveSampleSize;
        result.Posterior.Particles.Sum(p => p.Values[0] * p.Weight).Should().BeApproximately(0.7, 4 * 0.6 / Math.Sqrt(12) / Math.Sqrt(ess));
    }

    [Fact]
    public async Task When_the_median_would_not_tighten_the_tolerance_the_next_distance_below_is_taken()
    {
        // Level ⌊3θ⌋ of 0..2, observed 1, θ uniform on [0, 1): a particle's distance is 0 in the middle
        // third and 0.5 (one level of two) in the others. Generation 0's median is 0.5 (two thirds of
        // the prior is at 0.5). Generation 1, run at 0.5, keeps every proposal, still two thirds at 0.5,
        // so the median is 0.5 again: DESIGN §9's median alone would stay at 0.5 for good. The next
        // distance below 0.5 is 0, so generation 2 runs at 0 and keeps only θ in [1/3, 2/3), and the
        // search ends there with every particle matching exactly.
        var target = ToyModels.Count(2, 1);
        AbcSimulator thirds = (p, _, _) => Task.FromResult(new SimulatedOutcome(Simulation.Model.Negotiation.NegotiationStatus.Agreed, [Math.Min(2, (int)(3 * p.Values[0]))]));

        var result = await new AbcPmc(s_unit, [target], new AbcSettings(400, 5, Seed: 2)).RunAsync(thirds, []);

        result.Generations.Skip(1).Select(g => g.Tolerance).Should().Equal(0.5, 0.0);
        result.Stopped.Should().StartWith("the tolerance reached 0 in generation 2");
        result.Posterior.Particles.Should().OnlyContain(p => p.Values[0] >= 1.0 / 3 && p.Values[0] < 2.0 / 3);
    }

    /// <summary>
    /// Simulation-based calibration (Talts et al. 2018) on the noisy-mean toy: 200 times, θ* from the
    /// prior, an observed level simulated from θ*, a calibration, and θ*'s rank among 9 posterior
    /// draws. If the posterior is right the rank is uniform on 0..9: a chi-square test on the 10
    /// bins (expected 20 each, 9 degrees of freedom) at size 0.001 refuses above 27.88. The 90%
    /// interval covers θ* Binomial(200, 0.9) times: mean 180, sd 4.24; the bound [166, 194] is
    /// ±3.3 sd, size about 0.001. (The final tolerance is a few thousandths against the noise's 0.1,
    /// so ABC's widening of the posterior is far below what 200 repetitions can see.)
    /// </summary>
    [Fact]
    public async Task Simulation_based_calibration_ranks_are_uniform_and_90_percent_intervals_cover_at_the_nominal_rate()
    {
        const int repetitions = 200, draws = 9;
        var bins = new int[draws + 1];
        var covered = 0;
        for (var r = 0; r < repetitions; r++)
        {
            var random = SeededRandom.For(2026, "sbc", r.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var truth = random.NextDouble();
            var observed = ToyModels.NoisyLevel(truth, random);
            var result = await new AbcPmc(s_unit, [ToyModels.Count(1000, observed)], new AbcSettings(200, 4, Seed: r)).RunAsync(ToyModels.NoisyMean(0), []);
            var particles = result.Posterior.Particles;
            var sample = particles.Select(p => (p.Values[0], p.Weight)).ToList();
            var rank = Enumerable.Range(0, draws).Count(_ => Draw(particles, random) < truth);
            bins[rank]++;
            covered += PosteriorSummary.Quantile(sample, 0.05) <= truth && truth <= PosteriorSummary.Quantile(sample, 0.95) ? 1 : 0;
        }

        var expected = repetitions / (double)bins.Length;
        var chiSquare = bins.Sum(b => (b - expected) * (b - expected) / expected);
        chiSquare.Should().BeLessThan(27.88, because: $"the ranks {string.Join(",", bins)} should be uniform");
        covered.Should().BeInRange(166, 194);
    }

    [Fact]
    public async Task A_parameter_no_outcome_depends_on_keeps_the_priors_width_and_is_said_not_identified()
    {
        // θ₀ sets the level; θ₁ is never used; θ₂ and θ₃ act only through their mean, observed at 0.5,
        // which every (θ₂, 1 − θ₂) gives: each alone stays as wide as its prior.
        ParameterPrior Unit(string path) => new(ScenarioPath.Parse(path), new UniformPrior(0, 1), new InputOrigin("p.yaml"));
        var priors = new[] { Unit("a.used"), Unit("a.unused"), Unit("a.sum1"), Unit("a.sum2") };
        var targets = new[] { ToyModels.Count(1000, 300), ToyModels.Count(1000, 500) };
        AbcSimulator simulate = (p, target, token) => target == 0 ? ToyModels.NoisyMean(0)(p, target, token) : ToyModels.NoisyMean(2, 3)(p, target, token);

        var result = await new AbcPmc([.. priors.Select(p => p.Prior)], targets, new AbcSettings(500, 6, Seed: 4, Parallel: 2)).RunAsync(simulate, []);
        var summary = PosteriorSummary.Of(priors, result.Posterior.Particles);

        summary[0].NotIdentified.Should().BeNull();
        (summary[0].Q95 - summary[0].Q05).Should().BeLessThan(0.5, because: "the used parameter is learned (noise sd 0.1, two... one episode)");
        summary[1].NotIdentified.Should().StartWith("not identified by these episodes: posterior 90% interval is");
        summary[2].NotIdentified.Should().NotBeNull();
        summary[3].NotIdentified.Should().NotBeNull();
    }

    private static double Draw(IReadOnlyList<Particle> particles, Random random)
    {
        var u = random.NextDouble();
        double cumulative = 0;
        foreach (var particle in particles)
        {
            cumulative += particle.Weight;
            if (u < cumulative)
            {
                return particle.Values[0];
            }
        }

        return particles[^1].Values[0];
    }

    private static IEnumerable<string> Describe(AbcResult result) =>
        result.Generations.SelectMany(g => g.Particles.Select(p => $"{g.Index}:{g.Tolerance:R}:{g.Proposals}:{p.Number}:{p.Values[0]:R}:{p.Weight:R}:{p.Distance:R}"));

    /// <summary>An equal mixture of Beta(a, b) with integer parameters, in closed form.</summary>
    private sealed class BetaMixture(IReadOnlyList<(int A, int B)> components)
    {
        public double Mean => components.Average(c => (double)c.A / (c.A + c.B));

        public double StandardDeviation
        {
            get
            {
                var second = components.Average(c => (double)c.A * (c.A + 1) / ((c.A + c.B) * (c.A + c.B + 1.0)));
                return Math.Sqrt(second - (Mean * Mean));
            }
        }

        // Beta(a, b) for integers: f(x) = (a+b−1)·C(a+b−2, a−1)·x^(a−1)(1−x)^(b−1).
        public double Density(double x) => components.Average(c => (c.A + c.B - 1) * Choose(c.A + c.B - 2, c.A - 1) * Math.Pow(x, c.A - 1) * Math.Pow(1 - x, c.B - 1));

        // F(x) = P(Binomial(a+b−1, x) ≥ a).
        public double Cdf(double x) => components.Average(c =>
            Enumerable.Range(c.A, c.B).Sum(j => Choose(c.A + c.B - 1, j) * Math.Pow(x, j) * Math.Pow(1 - x, c.A + c.B - 1 - j)));

        public double Quantile(double q)
        {
            double low = 0, high = 1;
            for (var i = 0; i < 100; i++)
            {
                var middle = (low + high) / 2;
                (low, high) = Cdf(middle) < q ? (middle, high) : (low, middle);
            }

            return (low + high) / 2;
        }

        private static double Choose(int n, int k)
        {
            double result = 1;
            for (var i = 1; i <= k; i++)
            {
                result = result * (n - k + i) / i;
            }

            return result;
        }
    }
}
