using MathNet.Numerics.Statistics;
using Simulation.Model.Statistics;

namespace Simulation.Model.Inference.Forecasts;

/// <summary>
/// A country's welfare change ΔW over a forecast's runs: the mean and the 5% and 95% quantiles, a
/// 90% predictive interval. Quantiles interpolate linearly between order statistics (Hyndman &amp;
/// Fan 1996, definition 7, as <see cref="MeasureRange"/>: with the n values sorted, h = (n − 1)p and
/// Q(p) = x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋), counting from 0), the default of R, numpy and Excel's
/// PERCENTILE.INC. The mean is rounded once from the exact sum (<see cref="ExactMoments"/>), so it does
/// not depend on the order the runs finished in.
/// </summary>
public sealed record WelfareInterval(double Mean, double Q05, double Q95)
{
    public static WelfareInterval Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("an interval needs at least one value", nameof(values));
        }

        var moments = new ExactMoments();
        foreach (var value in values)
        {
            moments.Add(value);
        }

        return new WelfareInterval(moments.Mean, values.QuantileCustom(0.05, QuantileDefinition.R7), values.QuantileCustom(0.95, QuantileDefinition.R7));
    }
}
