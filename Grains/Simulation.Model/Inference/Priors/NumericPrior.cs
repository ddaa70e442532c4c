namespace Simulation.Model.Inference;

/// <summary>
/// A prior over a number. Its kernel space is the number itself, or its logarithm for a
/// log-uniform prior, bounded by [<see cref="Lower"/>, <see cref="Upper"/>] there (either may be
/// infinite); the perturbation kernel reflects at those bounds so a perturbed particle never leaves
/// the support.
/// </summary>
public abstract record NumericPrior : Prior
{
    /// <summary>Lowest value in kernel space.</summary>
    public abstract double Lower { get; }

    /// <summary>Highest value in kernel space.</summary>
    public abstract double Upper { get; }

    public virtual double FromKernel(double value) => value;

    /// <summary>The prior's <paramref name="p"/>-quantile in kernel space, to compare a posterior's spread with the prior's.</summary>
    public abstract double Quantile(double p);

    public override string Format(double value) => Show(value);

    public override PerturbationKernel KernelFor(IReadOnlyList<double> values, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(weights);
        double mean = 0;
        for (var i = 0; i < values.Count; i++)
        {
            mean += weights[i] * ToKernel(values[i]);
        }

        double variance = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var d = ToKernel(values[i]) - mean;
            variance += weights[i] * d * d;
        }

        // Beaumont et al. (2009): a Gaussian with twice the weighted variance of the previous generation.
        return new ReflectedGaussianKernel(this, Math.Sqrt(2 * variance));
    }
}
