using Simulation.Model.Numerics;

namespace Simulation.Model.Tests.Numerics;

/// <summary>
/// e^x − 1 and ln(1 + x) to full precision for small x, against their Taylor series (exact to the
/// digits shown for |x| ≤ 1e-5), and as the plain functions elsewhere.
/// </summary>
public sealed class SmallExponentsTests
{
    [Theory]
    [InlineData(1e-10)]
    [InlineData(-3e-12)]
    [InlineData(1e-5)]
    [InlineData(-1e-5)]
    public void For_small_x_they_follow_the_series(double x)
    {
        // e^x − 1 = x + x²/2 + x³/6 + …, ln(1 + x) = x − x²/2 + x³/3 − …; the next terms are below 1e-21 relative.
        var expMinusOne = x + x * x / 2 + x * x * x / 6 + x * x * x * x / 24;
        var logOnePlus = x - x * x / 2 + x * x * x / 3 - x * x * x * x / 4;

        SmallExponents.ExpMinusOne(x).Should().BeApproximately(expMinusOne, 2e-16 * Math.Abs(expMinusOne));
        SmallExponents.LogOnePlus(x).Should().BeApproximately(logOnePlus, 2e-16 * Math.Abs(logOnePlus));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(2.0)]
    [InlineData(-50.0)]
    [InlineData(700.0)]
    public void Elsewhere_they_are_the_plain_functions(double x)
    {
        SmallExponents.ExpMinusOne(x).Should().BeApproximately(Math.Exp(x) - 1, 1e-15 * (1 + Math.Abs(Math.Exp(x) - 1)));
        if (x > -1)
        {
            SmallExponents.LogOnePlus(x).Should().BeApproximately(Math.Log(1 + x), 1e-15 * (1 + Math.Abs(Math.Log(1 + x))));
        }
    }
}
