using MathNet.Numerics.Statistics;

namespace Simulation.Model.Statistics;

/// <summary>
/// The range an outcome measure took across Monte Carlo runs: its smallest and largest value and
/// the 5th and 95th percentiles, the band a trade economist reports beside a central estimate.
/// Percentiles interpolate linearly between order statistics (Hyndman &amp; Fan 1996, definition 7:
/// the default of R's <c>quantile</c>, numpy's <c>percentile</c> and Excel's PERCENTILE.INC), so a
/// reader gets the same numbers from runs.csv in any of them.
/// </summary>
public sealed record MeasureRange(string Measure, int Count, double Min, double Max, double P5, double P95)
{
    public static MeasureRange Of(string measure, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("a range needs at least one value", nameof(values));
        }

        return new MeasureRange(
            measure,
            values.Count,
            values.Min(),
            values.Max(),
            values.QuantileCustom(0.05, QuantileDefinition.R7),
            values.QuantileCustom(0.95, QuantileDefinition.R7));
    }
}
