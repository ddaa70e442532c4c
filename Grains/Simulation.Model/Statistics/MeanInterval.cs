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

        var n = values.Count;
        var mean = values.Average();
        if (n < 2)
        {
            return new MeanInterval(n, mean, null, null);
        }

        var variance = values.Sum(v => (v - mean) * (v - mean)) / (n - 1);
        var halfWidth = StudentT.InvCDF(0, 1, n - 1, 1 - (1 - Confidence) / 2) * Math.Sqrt(variance / n);
        return new MeanInterval(n, mean, mean - halfWidth, mean + halfWidth);
    }
}
