namespace Simulation.Model.Statistics;

/// <summary>The standard normal distribution: density, distribution function, quantile and draws.</summary>
internal static class StandardNormal
{
    private static readonly double s_invSqrt2Pi = 1 / Math.Sqrt(2 * Math.PI);

    public static double Density(double z) => s_invSqrt2Pi * Math.Exp(-0.5 * z * z);

    /// <summary>
    /// Φ(z) = erfc(−z/√2)/2. erf by its Maclaurin series for |x| &lt; 3 (terms below 3^(2n+1)/n!, so
    /// cancellation costs at most 4 of the 16 digits), and erfc beyond by its continued fraction
    /// (Abramowitz &amp; Stegun 1964, 7.1.14) evaluated bottom-up: 1e-10 or better everywhere, enough
    /// for a truncation's normalising constant and a prior's quantiles.
    /// </summary>
    public static double Cdf(double z)
    {
        if (z > 40)
        {
            return 1;
        }

        if (z < -40)
        {
            return 0;
        }

        return 0.5 * Erfc(-z / Math.Sqrt(2));
    }

    /// <summary>Φ⁻¹(p) by bisection on <see cref="Cdf"/>: slow but only used to describe priors.</summary>
    public static double Quantile(double p)
    {
        double low = -40, high = 40;
        for (var i = 0; i < 200 && high - low > 1e-12; i++)
        {
            var mid = 0.5 * (low + high);
            if (Cdf(mid) < p)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return 0.5 * (low + high);
    }

    /// <summary>A draw by the Box–Muller transform (Box &amp; Muller 1958).</summary>
    public static double Draw(Random random)
    {
        // 1 − U is in (0, 1], so the logarithm is finite.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static double Erfc(double x)
    {
        var a = Math.Abs(x);
        double erfc;
        if (a < 3)
        {
            // erf(a) = 2/√π Σ (−1)^n a^(2n+1) / (n! (2n+1)).
            double term = a, sum = a;
            for (var n = 1; n < 200 && Math.Abs(term) > 1e-17 * Math.Abs(sum); n++)
            {
                term *= -a * a / n;
                sum += term / ((2 * n) + 1);
            }

            erfc = 1 - (2 / Math.Sqrt(Math.PI) * sum);
        }
        else
        {
            // erfc(a) = e^(−a²)/√π · 1/(a + (1/2)/(a + 1/(a + (3/2)/(a + 2/(a + ...))))).
            var fraction = a;
            for (var k = 120; k >= 1; k--)
            {
                fraction = a + (k / 2.0 / fraction);
            }

            erfc = Math.Exp(-a * a) / Math.Sqrt(Math.PI) / fraction;
        }

        return x >= 0 ? erfc : 2 - erfc;
    }
}
