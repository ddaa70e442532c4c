using System.Globalization;
using Simulation.Model.Determinism;

namespace Simulation.Model.Inference;

/// <summary>
/// Approximate Bayesian computation by population Monte Carlo (Beaumont, Cornuet, Marin &amp;
/// Robert 2009), as DESIGN §9 fixes it. Generation 0 draws N particles from the prior and keeps
/// them all. Generation t takes the tolerance ε_t, the median of generation t−1's distances (or,
/// when that would not tighten it, the next distance below: <see cref="NextTolerance"/>);
/// proposes by picking a particle of t−1 by weight and perturbing it (<see cref="Prior.KernelFor"/>);
/// keeps a proposal when its distance D ≤ ε_t, until N are kept; and weighs each kept θ by
/// π(θ) / Σ_j w_j K(θ | θ_j). It stops after <see cref="AbcSettings.Generations"/> generations,
/// after a generation run at ε = 0, or when a generation would accept fewer than 1% of its proposals
/// (then the previous one is the posterior).
/// <para>
/// Deterministic whatever the parallelism: proposal n of generation t draws from its own generator,
/// seeded by (seed, t, n); proposals are simulated in batches, in parallel, and kept in proposal
/// order until N are kept, so batches and threads never change which are kept. Each finished
/// generation is handed to a callback (to be written), and a calibration resumed from the
/// generations written continues exactly as it would have.
/// </para>
/// </summary>
public sealed class AbcPmc
{
    private readonly IReadOnlyList<Prior> _priors;
    private readonly IReadOnlyList<AbcTarget> _targets;
    private readonly AbcSettings _settings;

    public AbcPmc(IReadOnlyList<Prior> priors, IReadOnlyList<AbcTarget> targets, AbcSettings settings)
    {
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfZero(priors.Count);
        ArgumentOutOfRangeException.ThrowIfZero(targets.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Particles, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Generations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Parallel, 1);
        (_priors, _targets, _settings) = (priors, targets, settings);
    }

    /// <summary>
    /// Runs the calibration on from <paramref name="completed"/> (generations written by an earlier,
    /// interrupted run of the same calibration; empty to start), handing each new generation to
    /// <paramref name="finished"/> as it completes.
    /// </summary>
    public async Task<AbcResult> RunAsync(
        AbcSimulator simulate,
        IReadOnlyList<AbcGeneration> completed,
        Func<AbcGeneration, CancellationToken, Task>? finished = null,
        IProgress<AbcProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(simulate);
        ArgumentNullException.ThrowIfNull(completed);
        var generations = completed.ToList();
        while (true)
        {
            if (generations.Count > 0 && generations[^1].Tolerance == 0)
            {
                return new AbcResult(generations, $"the tolerance reached 0 in generation {generations.Count - 1}: every particle matches the episodes exactly");
            }

            if (generations.Count >= _settings.Generations)
            {
                return new AbcResult(generations, $"{generations.Count} generations were run, the number asked for");
            }

            var index = generations.Count;
            var tolerance = index == 0 ? (double?)null : NextTolerance(generations[^1]);
            var next = await GenerationAsync(index, tolerance, index == 0 ? null : generations[^1], simulate, progress, cancellationToken).ConfigureAwait(false);
            if (next is null)
            {
                return new AbcResult(generations,
                    $"generation {index} (tolerance {Show(tolerance ?? 0)}) accepted fewer than {Show(AbcSettings.MinAcceptanceRate * 100)}% of {_settings.MaxProposals} proposals; " +
                    $"the posterior is generation {index - 1}");
            }

            generations.Add(next);
            if (finished is not null)
            {
                await finished(next, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The tolerance after <paramref name="previous"/>: the median of its distances (DESIGN §9), unless
    /// that does not go below the tolerance it was run at. Outcomes are levels, so distances take few
    /// values, and when no more than half the particles kept match better than the last tolerance, the
    /// median is that tolerance again and the search would stand still for the rest of its generations.
    /// Then the next tolerance is the largest distance below it among the particles kept (the next
    /// value distances take); with none below, the tolerance stays.
    /// </summary>
    public static double NextTolerance(AbcGeneration previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var median = Median(previous.Particles.Select(p => p.Distance));
        if (previous.Tolerance is not { } last || median < last)
        {
            return median;
        }

        var below = previous.Particles.Select(p => p.Distance).Where(d => d < last).ToList();
        return below.Count > 0 ? below.Max() : last;
    }

    /// <summary>The median of <paramref name="values"/> (the mean of the two middle ones for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private async Task<AbcGeneration?> GenerationAsync(int index, double? tolerance, AbcGeneration? previous, AbcSimulator simulate, IProgress<AbcProgress>? progress, CancellationToken cancellationToken)
    {
        var n = _settings.Particles;
        var kernels = previous is null ? null : _priors.Select((prior, k) => prior.KernelFor(
            [.. previous.Particles.Select(p => p.Values[k])], [.. previous.Particles.Select(p => p.Weight)])).ToArray();
        var cumulative = previous is null ? null : Cumulative(previous.Particles);
        var kept = new List<(Proposal Proposal, double Distance)>(n);
        var limit = previous is null ? n : _settings.MaxProposals;
        var batch = Math.Max(32, _settings.Parallel * 8);
        var next = 0;
        var used = 0;
        while (kept.Count < n && next < limit)
        {
            var count = Math.Min(batch, limit - next);
            var proposals = new Proposal[count];
            for (var i = 0; i < count; i++)
            {
                proposals[i] = Propose(index, next + i, previous, kernels, cumulative);
            }

            var distances = await DistancesAsync(proposals, simulate, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < count && kept.Count < n; i++)
            {
                if (tolerance is null || distances[i] <= tolerance)
                {
                    kept.Add((proposals[i], distances[i]));
                    used = next + i + 1;
                }
            }

            next += count;
            progress?.Report(new AbcProgress(index, kept.Count < n ? next : used, kept.Count, tolerance));
        }

        if (kept.Count < n)
        {
            return null;
        }

        var weights = previous is null ? [.. kept.Select(_ => 1.0)] : Weights(kept, previous, kernels!);
        var total = weights.Sum();
        var particles = kept.Select((k, i) => new Particle(k.Proposal.Number, k.Proposal.Values, weights[i] / total, k.Distance)).ToList();
        return new AbcGeneration(index, tolerance, used, particles);
    }

    private Proposal Propose(int generation, int number, AbcGeneration? previous, PerturbationKernel[]? kernels, double[]? cumulative)
    {
        var random = SeededRandom.For(_settings.Seed, "abc-pmc", generation.ToString(CultureInfo.InvariantCulture), number.ToString(CultureInfo.InvariantCulture));
        var values = new double[_priors.Count];
        if (previous is null)
        {
            for (var k = 0; k < values.Length; k++)
            {
                values[k] = _priors[k].Draw(random);
            }

            return new Proposal(generation, number, values);
        }

        var parent = previous.Particles[Pick(cumulative!, random.NextDouble())];
        for (var k = 0; k < values.Length; k++)
        {
            values[k] = kernels![k].Perturb(parent.Values[k], random);
        }

        return new Proposal(generation, number, values);
    }

    private async Task<double[]> DistancesAsync(Proposal[] proposals, AbcSimulator simulate, CancellationToken cancellationToken)
    {
        var outcomes = new SimulatedOutcome[proposals.Length, _targets.Count];
        var work = Enumerable.Range(0, proposals.Length * _targets.Count);
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = _settings.Parallel, CancellationToken = cancellationToken }, async (item, token) =>
        {
            var (p, e) = (item / _targets.Count, item % _targets.Count);
            outcomes[p, e] = await simulate(proposals[p], e, token).ConfigureAwait(false);
        }).ConfigureAwait(false);

        var distances = new double[proposals.Length];
        for (var p = 0; p < proposals.Length; p++)
        {
            double sum = 0;
            for (var e = 0; e < _targets.Count; e++)
            {
                sum += EpisodeDistance.Of(_targets[e].Observed, _targets[e].Issues, outcomes[p, e]);
            }

            distances[p] = sum / _targets.Count;
        }

        return distances;
    }

    // w_i ∝ π(θ_i) / Σ_j w_j K(θ_i | θ_j); each w_i is summed over j in order, so threads do not change it.
    private double[] Weights(List<(Proposal Proposal, double Distance)> kept, AbcGeneration previous, PerturbationKernel[] kernels)
    {
        var weights = new double[kept.Count];
        System.Threading.Tasks.Parallel.For(0, kept.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
        {
            var theta = kept[i].Proposal.Values;
            var prior = 1.0;
            for (var k = 0; k < theta.Count; k++)
            {
                prior *= _priors[k].Density(_priors[k].ToKernel(theta[k]));
            }

            double mixture = 0;
            foreach (var parent in previous.Particles)
            {
                var density = parent.Weight;
                for (var k = 0; k < theta.Count && density > 0; k++)
                {
                    density *= kernels[k].Density(theta[k], parent.Values[k]);
                }

                mixture += density;
            }

            weights[i] = prior / mixture;
        });
        return weights;
    }

    private static double[] Cumulative(IReadOnlyList<Particle> particles)
    {
        var cumulative = new double[particles.Count];
        double sum = 0;
        for (var i = 0; i < particles.Count; i++)
        {
            sum += particles[i].Weight;
            cumulative[i] = sum;
        }

        return cumulative;
    }

    // The first particle whose cumulative weight exceeds u·total: particle i covers [c_(i−1), c_i), so a zero weight is never picked.
    private static int Pick(double[] cumulative, double u)
    {
        var target = u * cumulative[^1];
        var (low, high) = (0, cumulative.Length - 1);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (cumulative[middle] > target)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    private static string Show(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
