using Simulation.Model.Statistics;

namespace Simulation.Model.Inference;

/// <summary>
/// <c>normal(mu, sd)</c> truncated to [<see cref="Lower"/>, <see cref="Upper"/>], the range the
/// scenario field accepts (<see cref="FieldRanges"/>; unbounded where no range is known).
/// </summary>
public sealed record NormalPrior(double Mean, double StandardDeviation, double Low, double High) : NumericPrior
{
    public override double Lower => Low;

    public override double Upper => High;

    public override string Text => $"normal({Show(Mean)},{Show(StandardDeviation)})";

    /// <summary>The probability the untruncated normal gives the range: the truncation's normalising constant.</summary>
    public double Mass => StandardNormal.Cdf((Upper - Mean) / StandardDeviation) - StandardNormal.Cdf((Lower - Mean) / StandardDeviation);

    /// <summary>By rejection; a prior with almost no mass in range is refused when the priors are read.</summary>
    public override double Draw(Random random)
    {
        while (true)
        {
            var value = Mean + (StandardDeviation * StandardNormal.Draw(random));
            if (value >= Lower && value <= Upper)
            {
                return value;
            }
        }
    }

    public override double Density(double value) =>
        value >= Lower && value <= Upper ? StandardNormal.Density((value - Mean) / StandardDeviation) / StandardDeviation / Mass : 0;

    public override double Quantile(double p)
    {
        var low = StandardNormal.Cdf((Lower - Mean) / StandardDeviation);
        return Mean + (StandardDeviation * StandardNormal.Quantile(low + (p * Mass)));
    }
}
