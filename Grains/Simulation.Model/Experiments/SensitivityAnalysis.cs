using Simulation.Model.Statistics;

namespace Simulation.Model.Experiments;

/// <summary>
/// What a sensitivity batch found: each outcome measure's range over the runs
/// (<see cref="MeasureRange"/>) and its correlation with each input (<see cref="InputCorrelation"/>,
/// Pearson and Spearman), measures in the order given and inputs within each measure in the order
/// given. Runs are taken in replicate order, so the same runs give the same numbers to the last bit
/// however many were played at once.
/// </summary>
public sealed class SensitivityAnalysis
{
    private SensitivityAnalysis(IReadOnlyList<MeasureRange> ranges, IReadOnlyList<InputCorrelation> correlations)
    {
        Ranges = ranges;
        Correlations = correlations;
    }

    public IReadOnlyList<MeasureRange> Ranges { get; }

    public IReadOnlyList<InputCorrelation> Correlations { get; }

    /// <summary>Analyses <paramref name="samples"/>; with none, every range and correlation is left out.</summary>
    public static SensitivityAnalysis Of(IReadOnlyList<string> inputs, IReadOnlyList<string> measures, IEnumerable<SensitivitySample> samples)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(samples);
        var ordered = samples.OrderBy(s => s.Replicate).ToList();
        if (ordered.Any(s => s.Inputs.Count != inputs.Count || s.Measures.Count != measures.Count))
        {
            throw new ArgumentException($"every sample must have {inputs.Count} inputs and {measures.Count} measures", nameof(samples));
        }

        if (ordered.Count == 0)
        {
            return new SensitivityAnalysis([], []);
        }

        var ranges = new List<MeasureRange>();
        var correlations = new List<InputCorrelation>();
        var inputColumns = Enumerable.Range(0, inputs.Count).Select(i => ordered.Select(s => s.Inputs[i]).ToList()).ToList();
        for (var m = 0; m < measures.Count; m++)
        {
            var outcomes = ordered.Select(s => s.Measures[m]).ToList();
            ranges.Add(MeasureRange.Of(measures[m], outcomes));
            for (var i = 0; i < inputs.Count; i++)
            {
                correlations.Add(InputCorrelation.Of(inputs[i], measures[m], inputColumns[i], outcomes));
            }
        }

        return new SensitivityAnalysis(ranges, correlations);
    }

    /// <summary>
    /// The <paramref name="count"/> strongest correlations, by |Spearman ρ| (rank correlation: the
    /// ordering that survives the nonlinear responses of tariff models), then |Pearson r|; undefined
    /// ones (a side that did not vary) left out. Ties keep the order of <see cref="Correlations"/>.
    /// </summary>
    public IReadOnlyList<InputCorrelation> Strongest(int count) =>
        [.. Correlations.Where(c => c.Spearman is not null)
            .OrderByDescending(c => Math.Abs(c.Spearman!.Value))
            .ThenByDescending(c => Math.Abs(c.Pearson ?? 0))
            .Take(count)];
}
