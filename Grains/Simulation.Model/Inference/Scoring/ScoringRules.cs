namespace Simulation.Model.Inference.Scoring;

/// <summary>
/// The scoring rules of DESIGN §9 for a forecast over an issue's L ordered levels (p_0 … p_{L−1},
/// status quo first) against the level k̂ that was observed. Each rule is proper: a forecaster
/// expecting the distribution q does best, on average, by saying q.
/// <list type="bullet">
/// <item>log score ln p(k̂) (Good 1952): higher is better, 0 for certainty of what happened;</item>
/// <item>Brier score Σ_k (p_k − 1[k = k̂])² (Brier 1950, the sum over categories): lower is better, from 0 to 2;</item>
/// <item>ranked probability score Σ_{k&lt;L−1} (P_k − O_k)² / (L − 1), with P and O the cumulative
/// forecast and observation (Epstein 1969; Murphy 1971): lower is better, from 0 to 1, and it charges a
/// forecast less for mass on levels near k̂ than far from it, since levels are ordered. The last
/// cumulative term is 1 − 1 = 0, so summing to L − 1 or to L gives the same number.</item>
/// </list>
/// These take the probabilities as given; <see cref="Smooth"/> is applied first when a forecast is
/// scored (<see cref="IssueScore"/>), so that an outcome given probability 0 costs ln 0.01/L rather than −∞.
/// </summary>
public static class ScoringRules
{
    /// <summary>The weight kept on the forecast when smoothing: p ← 0.99 p + 0.01 / L (DESIGN §9).</summary>
    public const double Kept = 0.99;

    /// <summary>How far a forecast's probabilities may sum from 1 (rounding in counts / runs), at most.</summary>
    public const double SumTolerance = 1e-9;

    /// <summary>p ← 0.99 p + 0.01 / L for each level: mixes in 1% of the uniform forecast, so no level has probability 0.</summary>
    public static double[] Smooth(IReadOnlyList<double> probabilities)
    {
        Check(probabilities, 0);
        var levels = probabilities.Count;
        var smoothed = new double[levels];
        for (var k = 0; k < levels; k++)
        {
            smoothed[k] = (Kept * probabilities[k]) + ((1 - Kept) / levels);
        }

        return smoothed;
    }

    /// <summary>ln p(k̂), the natural logarithm of the probability given to what happened.</summary>
    public static double LogScore(IReadOnlyList<double> probabilities, int observed)
    {
        Check(probabilities, observed);
        return Math.Log(probabilities[observed]);
    }

    /// <summary>Σ_k (p_k − 1[k = k̂])².</summary>
    public static double Brier(IReadOnlyList<double> probabilities, int observed)
    {
        Check(probabilities, observed);
        var sum = 0.0;
        for (var k = 0; k < probabilities.Count; k++)
        {
            var miss = probabilities[k] - (k == observed ? 1 : 0);
            sum += miss * miss;
        }

        return sum;
    }

    /// <summary>
    /// Σ_{k&lt;L} (P_k − O_k)² / (L − 1) with P_k = p_0 + … + p_k and O_k = 1[k ≥ k̂]. An issue of one
    /// level has nothing to rank and scores 0.
    /// </summary>
    public static double RankedProbability(IReadOnlyList<double> probabilities, int observed)
    {
        Check(probabilities, observed);
        var levels = probabilities.Count;
        if (levels == 1)
        {
            return 0;
        }

        var cumulative = 0.0;
        var sum = 0.0;
        for (var k = 0; k < levels - 1; k++)
        {
            cumulative += probabilities[k];
            var miss = cumulative - (k >= observed ? 1 : 0);
            sum += miss * miss;
        }

        return sum / (levels - 1);
    }

    /// <summary>A forecast is a probability for each of at least one level, each in [0, 1], summing to 1, and the observed level one of them.</summary>
    private static void Check(IReadOnlyList<double> probabilities, int observed)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Count == 0)
        {
            throw new ArgumentException("a forecast needs at least one level", nameof(probabilities));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(observed);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(observed, probabilities.Count);
        var sum = 0.0;
        foreach (var p in probabilities)
        {
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(probabilities), p, "a probability is a number from 0 to 1");
            }

            sum += p;
        }

        if (Math.Abs(sum - 1) > SumTolerance)
        {
            throw new ArgumentException($"the probabilities sum to {sum}, not 1", nameof(probabilities));
        }
    }
}
