using MathNet.Numerics.Statistics;

namespace Simulation.Model.Statistics;

/// <summary>
/// How an outcome measure moves with one uncertain input across Monte Carlo runs: Pearson's r
/// (linear) and Spearman's ρ (rank, robust to the nonlinear responses of tariff models, with
/// ties given their mean rank). Null where a side does not vary, since r is then undefined.
/// </summary>
public sealed record InputCorrelation(string Input, string Measure, int Count, double? Pearson, double? Spearman)
{
    public static InputCorrelation Of(string input, string measure, IReadOnlyList<double> inputs, IReadOnlyList<double> outcomes)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (inputs.Count != outcomes.Count)
        {
            throw new ArgumentException($"{inputs.Count} inputs against {outcomes.Count} outcomes", nameof(outcomes));
        }

        if (inputs.Count < 3 || !Varies(inputs) || !Varies(outcomes))
        {
            return new InputCorrelation(input, measure, inputs.Count, null, null);
        }

        return new InputCorrelation(input, measure, inputs.Count, Correlation.Pearson(inputs, outcomes), Correlation.Spearman(inputs, outcomes));
    }

    private static bool Varies(IReadOnlyList<double> values) => values.Any(v => v != values[0]);
}
