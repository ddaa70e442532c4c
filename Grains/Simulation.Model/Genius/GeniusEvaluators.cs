namespace Simulation.Model.Genius;

/// <summary>
/// GENIUS's evaluators: what one value of an issue is worth to a party before its weight, a number
/// in [0, 1] for the linear-additive utility u(ω) = min(1, Σ_i w_i · eval_i(ω_i)) of GENIUS's
/// <c>AdditiveUtilitySpace.getUtility</c>. Each formula follows the GENIUS class named on it.
/// </summary>
public static class GeniusEvaluators
{
    /// <summary>
    /// Below this largest evaluation GENIUS's <c>EvaluatorDiscrete.normalize</c> gives every value 0
    /// rather than dividing by (nearly) zero.
    /// </summary>
    public const double SmallestDiscreteMaximum = 0.00001;

    /// <summary>
    /// <c>EvaluatorDiscrete</c>: each evaluation divided by the largest, or 0 for every value
    /// when the largest is below <see cref="SmallestDiscreteMaximum"/>.
    /// </summary>
    public static double[] Discrete(IReadOnlyList<double> evaluations)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        var max = evaluations.Max();
        return [.. evaluations.Select(e => max < SmallestDiscreteMaximum ? 0 : e / max)];
    }

    /// <summary>
    /// <c>EvaluatorInteger</c>: slope · (v − lower bound) + offset, clipped to [0, 1]; the lower bound is
    /// the profile's own.
    /// </summary>
    public static double Integer(long value, long lowerBound, double slope, double offset) =>
        Math.Clamp(slope * (value - lowerBound) + offset, 0, 1);

    /// <summary><c>EvaluatorReal</c>, ftype linear: parameter1 · x + parameter0, clipped to [0, 1].</summary>
    public static double RealLinear(double value, double parameter0, double parameter1) =>
        Math.Clamp(parameter1 * value + parameter0, 0, 1);
}
