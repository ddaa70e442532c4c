using Simulation.Model.Scenarios;

namespace Simulation.Model.Negotiation;

/// <summary>
/// The time-dependent concession tactic of Faratin, Sierra &amp; Jennings, "Negotiation decision
/// functions for autonomous agents", Robotics and Autonomous Systems 24(3–4), 1998 (the polynomial
/// family, as in GENIUS's TimeDependentAgent), DESIGN §4.4:
/// τ(t) = Pmin + (Pmax − Pmin)(1 − F(t)),  F(t) = k + (1 − k)·t^(1/e),  t ∈ [0, 1].
/// e &lt; 1 concedes late (Boulware), e = 1 linearly, e &gt; 1 early (Conceder); e = 0 is the
/// hardliner, for which F ≡ k at every t, t = 1 included: it never concedes.
/// </summary>
public sealed class ConcessionCurve
{
    /// <param name="e">The concession exponent, ≥ 0 (0: hardliner).</param>
    /// <param name="k">The initial constant, in [0, 1]: the share of the range conceded at t = 0.</param>
    public ConcessionCurve(double e, double k = 0)
    {
        if (!(e >= 0) || double.IsPositiveInfinity(e))
        {
            throw new ArgumentOutOfRangeException(nameof(e), e, "The concession exponent e is a finite number ≥ 0.");
        }

        if (!(k >= 0 && k <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "The initial constant k lies in [0, 1].");
        }

        E = e;
        K = k;
    }

    public static ConcessionCurve Boulware { get; } = new(0.2);

    public static ConcessionCurve Linear { get; } = new(1);

    public static ConcessionCurve Conceder { get; } = new(2);

    public static ConcessionCurve Hardliner { get; } = new(0);

    /// <summary>The curve of a time-dependent strategy written in a scenario.</summary>
    public static ConcessionCurve From(StrategySpec strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        if (strategy.Bidding.Type != TimeDependentBidding.Name)
        {
            throw new ArgumentException($"Strategy {strategy.Label} is not time-dependent.", nameof(strategy));
        }

        return new ConcessionCurve(strategy.Bidding["e"], strategy.Bidding["k"]);
    }

    public double E { get; }

    public double K { get; }

    /// <summary>F(t) = k + (1 − k)·t^(1/e), the share of the range conceded by time t; F ≡ k when e = 0.</summary>
    public double Conceded(double t)
    {
        CheckTime(t);
        return E == 0 ? K : K + (1 - K) * Math.Pow(t, 1 / E);
    }

    /// <summary>
    /// The target utility τ(t) between <paramref name="pMin"/> and <paramref name="pMax"/>.
    /// Computed as Pmax − (Pmax − Pmin)·F(t), the same number as the paper's form, so that with
    /// F = 0 (t = 0 with k = 0, or a hardliner) the target is Pmax exactly, not Pmax give or take
    /// one rounding: the best outcome, of utility exactly 1, then always meets it.
    /// </summary>
    public double Target(double t, double pMin, double pMax = 1)
    {
        if (!double.IsFinite(pMin) || !double.IsFinite(pMax))
        {
            throw new ArgumentOutOfRangeException(nameof(pMin), "Pmin and Pmax are finite.");
        }

        return pMax - (pMax - pMin) * Conceded(t);
    }

    private static void CheckTime(double t)
    {
        if (!(t >= 0 && t <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, "Time runs from 0 to 1.");
        }
    }

    public override string ToString() => FormattableString.Invariant($"time-dependent(e={E}, k={K})");
}
