using System.Numerics;

namespace Simulation.Model.Statistics;

/// <summary>
/// The count, sum and sum of squares of a stream of numbers, kept exactly, so that a batch's
/// summary needs no list of its values (memory does not grow with the runs) and does not depend
/// on the order the values arrive in: runs finish in any order, and a resumed batch adds its
/// earlier rows first, yet the same runs give the same mean and interval to the last bit.
/// </summary>
/// <remarks>
/// Every finite double is m·2^e with an integer m and e ≥ −1074 (IEEE 754 binary64), so x·2^1074 and
/// x²·2^2148 are integers: their sums are held as <see cref="BigInteger"/>s and are exact. The mean
/// S/n and the variance (n·Q − S²)/(n(n − 1)) are rounded to a double only when asked for. A
/// floating-point running sum (Welford's) would differ in its last bits with the order of the values.
/// </remarks>
public sealed class ExactMoments
{
    private const int Scale = 1074;

    private BigInteger _sum;
    private BigInteger _squares;

    public int Count { get; private set; }

    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "only finite numbers have a mean");
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponentBits = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & ((1L << 52) - 1);
        var mantissa = new BigInteger(exponentBits == 0 ? fraction : fraction | (1L << 52));
        var exponent = exponentBits == 0 ? -1074 : exponentBits - 1075;
        if (bits < 0)
        {
            mantissa = -mantissa;
        }

        _sum += mantissa << (exponent + Scale);
        _squares += (mantissa * mantissa) << (2 * (exponent + Scale));
        Count++;
    }

    /// <summary>The mean, rounded once from the exact sum.</summary>
    public double Mean => Count == 0 ? throw new InvalidOperationException("a mean needs at least one value") : Ratio(_sum, Count, Scale);

    /// <summary>The sample variance (divisor n − 1), rounded once from the exact sums; 0 for one value.</summary>
    public double Variance => Count < 2 ? 0 : Ratio((Count * _squares) - (_sum * _sum), (long)Count * (Count - 1), 2 * Scale);

    /// <summary>The mean with its 95% t-interval, as <see cref="MeanInterval.Of"/> gives it.</summary>
    public MeanInterval Interval() => MeanInterval.FromMoments(Count, Mean, Variance);

    /// <summary>numerator / (denominator · 2^scale) as a double.</summary>
    private static double Ratio(BigInteger numerator, BigInteger denominator, int scale)
    {
        if (numerator.IsZero)
        {
            return 0;
        }

        var sign = numerator.Sign;
        var magnitude = BigInteger.Abs(numerator);
        // A quotient of 62 or 63 bits, so that it fits a ulong, whose conversion to double rounds to
        // nearest (BigInteger's may not); a remainder left over is kept as a sticky lowest bit, so
        // that a value just above a tie still rounds up.
        var shift = 62 - (int)(magnitude.GetBitLength() - denominator.GetBitLength());
        var quotient = BigInteger.DivRem(shift >= 0 ? magnitude << shift : magnitude >> -shift, denominator, out var remainder);
        var bits = (ulong)quotient | (remainder.IsZero ? 0UL : 1UL);
        return sign * Math.ScaleB(bits, -shift - scale);
    }
}
