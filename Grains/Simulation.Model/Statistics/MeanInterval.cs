using MathNet.Numerics.Distributions;

namespace Simulation.Model.Statistics;

/// <summary>
/// The mean of a sample with its 95% confidence interval, x̄ ± t(0.975, n − 1)·s/√n (Student's t,
/// as a researcher reports the mean of replicated runs). With fewer than two values there is no
/// interval: its bounds are null rather than a made-up zero width.
/// </summary>
public sealed record MeanInterval(int Count, double Mean, double? Low, double? High)
{
    public const double Confidence = 0.95;

    public static MeanInterval Of(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("a mean needs at least one value", nameof(values));
        }

        var mean = values.Average();
        return FromMoments(values.Count, mean, values.Count < 2 ? 0 : values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    /// <summary>
    /// The interval from a sample's size, mean and variance (divisor n − 1), for accumulators that
    /// do not keep the values (<see cref="ExactMoments"/>).
    /// </summary>
    public static MeanInterval FromMoments(int count, double mean, double variance)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var n = count;
        if (n < 2)
        {
            return new MeanInterval(n, mean, null, null);
        }

        var halfWidth = StudentT.InvCDF(0, 1, n - 1, 1 - (1 - Confidence) / 2) * Math.Sqrt(variance / n);
        return new MeanInterval(n, mean, mean - halfWidth, mean + halfWidth);
    }
}
