using Simulation.Model.Statistics;

namespace Simulation.Model.Inference;

/// <summary>
/// A Gaussian step of standard deviation <see cref="Scale"/> in the prior's kernel space, reflected
/// at its bounds (DESIGN §9) so that every perturbed particle stays in the support. The density of
/// a reflected Gaussian is the sum of the Gaussian at the images of the start point: on [L, U] of
/// width W these are y + 2kW and 2L − y + 2kW for every integer k; the sum is cut where the images
/// are more than 10 standard deviations away, beyond which terms are below 1e-22 of the peak.
/// The reflected kernel needs no normalising constant: each image carries its own share of the mass.
/// A scale of 0 (a generation whose particles all hold one value) is a point mass.
/// </summary>
internal sealed class ReflectedGaussianKernel(NumericPrior prior, double scale) : PerturbationKernel
{
    private const double Reach = 10;

    public double Scale { get; } = scale;

    public override double Perturb(double from, Random random)
    {
        if (Scale == 0)
        {
            return from;
        }

        var y = prior.ToKernel(from) + (Scale * StandardNormal.Draw(random));
        return prior.FromKernel(Reflect(y, prior.Lower, prior.Upper));
    }

    public override double Density(double to, double from)
    {
        var (x, y) = (prior.ToKernel(to), prior.ToKernel(from));
        if (x < prior.Lower || x > prior.Upper)
        {
            return 0;
        }

        if (Scale == 0)
        {
            return x == y ? 1 : 0;
        }

        var (lower, upper) = (prior.Lower, prior.Upper);
        var sum = Gauss(x - y);
        if (double.IsFinite(lower) && double.IsFinite(upper))
        {
            var period = 2 * (upper - lower);
            var images = (int)Math.Ceiling(Reach * Scale / period) + 1;
            sum = 0;
            for (var k = -images; k <= images; k++)
            {
                sum += Gauss(x - (y + (k * period))) + Gauss(x - ((2 * lower) - y + (k * period)));
            }
        }
        else if (double.IsFinite(lower))
        {
            sum += Gauss(x - ((2 * lower) - y));
        }
        else if (double.IsFinite(upper))
        {
            sum += Gauss(x - ((2 * upper) - y));
        }

        return sum;
    }

    /// <summary>Folds <paramref name="y"/> back into [lower, upper] by reflection at the bounds.</summary>
    internal static double Reflect(double y, double lower, double upper)
    {
        if (double.IsFinite(lower) && double.IsFinite(upper))
        {
            var width = upper - lower;
            var t = (y - lower) % (2 * width);
            if (t < 0)
            {
                t += 2 * width;
            }

            return Math.Clamp(t <= width ? lower + t : lower + ((2 * width) - t), lower, upper);
        }

        if (double.IsFinite(lower) && y < lower)
        {
            return (2 * lower) - y;
        }

        if (double.IsFinite(upper) && y > upper)
        {
            return (2 * upper) - y;
        }

        return y;
    }

    private double Gauss(double d) => StandardNormal.Density(d / Scale) / Scale;
}
