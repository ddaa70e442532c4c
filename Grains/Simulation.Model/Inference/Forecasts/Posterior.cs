using Simulation.Model.Determinism;
using Simulation.Model.Experiments;

namespace Simulation.Model.Inference.Forecasts;

/// <summary>
/// A posterior as calibration leaves it (DESIGN §9): weighted particles, each a value for every
/// parameter path. A forecast draws particles from it by weight (<see cref="Draw"/>) and runs the
/// scenario with each draw's values put in (<see cref="SettingsOf"/>).
/// </summary>
public sealed class Posterior
{
    /// <exception cref="ArgumentException">No particle, a particle without a value per path, a weight not finite or negative, or no weight above 0.</exception>
    public Posterior(IReadOnlyList<ScenarioPath> paths, IReadOnlyList<PosteriorParticle> particles)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(particles);
        if (particles.Count == 0)
        {
            throw new ArgumentException("a posterior needs at least one particle", nameof(particles));
        }

        var total = 0.0;
        foreach (var particle in particles)
        {
            if (particle.Values.Count != paths.Count)
            {
                throw new ArgumentException($"particle {particle.Id} has {particle.Values.Count} values for {paths.Count} paths", nameof(particles));
            }

            if (!(double.IsFinite(particle.Weight) && particle.Weight >= 0))
            {
                throw new ArgumentException($"particle {particle.Id} has the weight {particle.Weight}; a weight is a finite number from 0", nameof(particles));
            }

            total += particle.Weight;
        }

        if (!(total > 0))
        {
            throw new ArgumentException("every particle has weight 0", nameof(particles));
        }

        Paths = paths;
        Particles = particles;
        _cumulative = new double[particles.Count];
        var sum = 0.0;
        for (var i = 0; i < particles.Count; i++)
        {
            sum += particles[i].Weight;
            _cumulative[i] = sum;
        }
    }

    private readonly double[] _cumulative;

    public IReadOnlyList<ScenarioPath> Paths { get; }

    public IReadOnlyList<PosteriorParticle> Particles { get; }

    /// <summary>
    /// <paramref name="count"/> particles drawn independently, with replacement, each with probability
    /// its weight over the total (inverse-CDF sampling over the particles in file order), from a
    /// generator seeded by <paramref name="seed"/> alone (DESIGN §5.2): the same seed draws the same
    /// particles. Returns their positions in <see cref="Particles"/>, in the order drawn.
    /// </summary>
    public IReadOnlyList<int> Draw(int count, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var random = SeededRandom.For(seed, "forecast", "posterior draws");
        var total = _cumulative[^1];
        var drawn = new int[count];
        for (var d = 0; d < count; d++)
        {
            var u = random.NextDouble() * total;
            // The first particle whose cumulative weight exceeds u: a particle of weight 0 never is.
            var at = Array.BinarySearch(_cumulative, u);
            at = at >= 0 ? at + 1 : ~at;
            while (at < _cumulative.Length && Particles[at].Weight == 0)
            {
                at++;
            }

            // u may round up to the total itself: that is the last particle with weight.
            drawn[d] = at < _cumulative.Length ? at : LastWeighted();
        }

        return drawn;
    }

    /// <summary>The values of particle <paramref name="particle"/> at the paths <paramref name="applies"/> accepts, in the posterior's path order.</summary>
    public IReadOnlyList<ScenarioSetting> SettingsOf(int particle, Func<ScenarioPath, bool> applies)
    {
        ArgumentNullException.ThrowIfNull(applies);
        var values = Particles[particle].Values;
        return [.. Paths.Select((path, i) => (path, i)).Where(p => applies(p.path)).Select(p => new ScenarioSetting(p.path, values[p.i]))];
    }

    private int LastWeighted()
    {
        var last = Particles.Count - 1;
        while (Particles[last].Weight == 0)
        {
            last--;
        }

        return last;
    }
}
