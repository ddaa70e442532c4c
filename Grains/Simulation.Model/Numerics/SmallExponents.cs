namespace Simulation.Model.Numerics;

/// <summary>
/// e^x − 1 and ln(1 + x) to full relative precision when x is small. CES formulas divide by 1 − σ
/// or 1 − ε: written as (Σ θ p^(1−σ))^(1/(1−σ)) they cancel catastrophically as σ approaches 1
/// (at σ = 1 + 1e-12 the price index is wrong in the sixth digit, at 1 + 1e-14 in the third), while
/// exp(ln(1 + Σ θ (e^((1−σ) ln p) − 1))/(1−σ)) keeps every digit. .NET's double.ExpM1 and LogP1 are
/// computed as Exp(x) − 1 and Log(1 + x), which is the cancellation itself; these use Kahan's
/// correction (Goldberg, "What every computer scientist should know about floating-point
/// arithmetic", 1991, Theorem 4), accurate to a few units in the last place.
/// </summary>
public static class SmallExponents
{
    /// <summary>e^x − 1.</summary>
    public static double ExpMinusOne(double x)
    {
        var u = Math.Exp(x);
        if (u == 1)
        {
            return x;
        }

        var um1 = u - 1;
        // ln u recovers the x that u actually represents, so um1 · x / ln u cancels u's rounding error.
        return um1 == -1 || double.IsInfinity(u) ? um1 : um1 * x / Math.Log(u);
    }

    /// <summary>ln(1 + x), for x &gt; −1.</summary>
    public static double LogOnePlus(double x)
    {
        var u = 1 + x;
        // u − 1 is the x that u actually represents; scaling by x / (u − 1) corrects the rounding of 1 + x.
        return u == 1 ? x : double.IsInfinity(u) ? Math.Log(u) : Math.Log(u) * x / (u - 1);
    }
}
