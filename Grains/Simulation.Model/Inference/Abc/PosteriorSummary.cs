using System.Globalization;

namespace Simulation.Model.Inference;

/// <summary>
/// Summarises a weighted sample of particles per parameter, and tells which parameters the
/// episodes could not identify: a number whose posterior 90% interval is still at least
/// <see cref="NotIdentifiedShare"/> of its prior's (measured in kernel space, the log for
/// <c>loguniform</c>), or a choice whose probabilities all stay within <see cref="NotIdentifiedShift"/>
/// of the prior's. Such a posterior is the prior again: the data cannot tell its values apart.
/// </summary>
public static class PosteriorSummary
{
    public const double NotIdentifiedShare = 0.8;

    public const double NotIdentifiedShift = 0.1;

    public static IReadOnlyList<ParameterSummary> Of(IReadOnlyList<ParameterPrior> priors, IReadOnlyList<Particle> particles)
    {
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(particles);
        return [.. priors.Select((parameter, k) => Of(parameter, [.. particles.Select(p => (p.Values[k], p.Weight))]))];
    }

    /// <summary>The weighted <paramref name="q"/>-quantile: the smallest value whose cumulative weight reaches q.</summary>
    public static double Quantile(IReadOnlyList<(double Value, double Weight)> sample, double q)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var sorted = sample.OrderBy(s => s.Value).ToList();
        var total = sorted.Sum(s => s.Weight);
        double cumulative = 0;
        foreach (var (value, weight) in sorted)
        {
            cumulative += weight;
            if (cumulative >= q * total)
            {
                return value;
            }
        }

        return sorted[^1].Value;
    }

    private static ParameterSummary Of(ParameterPrior parameter, IReadOnlyList<(double Value, double Weight)> sample)
    {
        var path = parameter.Path.Text;
        var total = sample.Sum(s => s.Weight);
        if (parameter.Prior is ChoicePrior choice)
        {
            var probabilities = choice.Options.Select((option, i) => (option, p: sample.Where(s => s.Value == i).Sum(s => s.Weight) / total)).ToList();
            var shift = probabilities.Select((o, i) => Math.Abs(o.p - choice.Probabilities[i])).Max();
            var warning = shift < NotIdentifiedShift
                ? string.Create(CultureInfo.InvariantCulture, $"not identified by these episodes: every posterior probability is within {shift:0.###} of the prior's")
                : null;
            return new ParameterSummary(path, null, null, null, null, probabilities.ToDictionary(o => o.option, o => o.p, StringComparer.Ordinal), warning);
        }

        var numeric = (NumericPrior)parameter.Prior;
        var mean = sample.Sum(s => s.Value * s.Weight) / total;
        var (q05, q50, q95) = (Quantile(sample, 0.05), Quantile(sample, 0.5), Quantile(sample, 0.95));
        var share = (numeric.ToKernel(q95) - numeric.ToKernel(q05)) / (numeric.Quantile(0.95) - numeric.Quantile(0.05));
        var note = share >= NotIdentifiedShare
            ? string.Create(CultureInfo.InvariantCulture, $"not identified by these episodes: posterior 90% interval is {share * 100:0}% of the prior's")
            : null;
        return new ParameterSummary(path, mean, q05, q50, q95, null, note);
    }
}
