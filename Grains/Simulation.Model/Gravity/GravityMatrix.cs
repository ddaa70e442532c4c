using Simulation.Model.Input;

namespace Simulation.Model.Gravity;

/// <summary>
/// A validated square flow matrix: countries in ordinal order, and X_ij and β_ij stored row-major
/// (row = exporter i, column = importer j), as ge_gravity arranges them after sorting by exporter and importer.
/// Shared by <see cref="GeneralEquilibriumGravity"/> and <see cref="GravityFlowsCsv"/> so that both report
/// the same problems, each with its own idea of where a flow came from.
/// </summary>
internal sealed class GravityMatrix
{
    /// <summary>How many missing pairs are listed one by one before the rest are summarised.</summary>
    internal const int MaxMissingPairsListed = 20;

    private GravityMatrix(IReadOnlyList<string> countries, double[] trade, double[] beta)
    {
        Countries = countries;
        Trade = trade;
        Beta = beta;
    }

    public IReadOnlyList<string> Countries { get; }

    public int Size => Countries.Count;

    /// <summary>X_ij at [i·N + j].</summary>
    public double[] Trade { get; }

    /// <summary>β_ij at [i·N + j].</summary>
    public double[] Beta { get; }

    /// <summary>
    /// Checks that <paramref name="flows"/> form a complete square matrix (every exporter×importer pair over the
    /// countries that appear, exactly once), with trade and β in the ranges of <see cref="GravityInputRanges"/>,
    /// positive domestic flows and β = 0 on domestic pairs. Adds every problem to <paramref name="errors"/>; returns
    /// the matrix only if none.
    /// </summary>
    /// <param name="flows">The flows, in any order.</param>
    /// <param name="file">The file (or other source) named in errors.</param>
    /// <param name="locate">Where flow k came from: line and columns if known, and a path such as <c>row 12</c> or <c>flows[11]</c>.</param>
    /// <param name="valuesAlreadyReported">Flows whose numbers were already reported as unreadable.</param>
    /// <param name="errors">Receives the problems.</param>
    public static GravityMatrix? Build(
        IReadOnlyList<GravityFlow> flows,
        string file,
        Func<int, FlowLocation> locate,
        IReadOnlySet<int> valuesAlreadyReported,
        List<InputError> errors)
    {
        var errorsBefore = errors.Count;
        if (flows.Count == 0)
        {
            errors.Add(new InputError(file, null, null, "", "no flows: a square matrix of exporter × importer flows, domestic flows included, is required"));
            return null;
        }

        // Pair → index of the flow that first gave it; the country set is every id that appears on either side.
        var firstIndex = new Dictionary<(string Exporter, string Importer), int>();
        var countrySet = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < flows.Count; k++)
        {
            var flow = flows[k];
            var location = locate(k);
            var (line, path) = (location.Line, location.Path);
            var idsOk = true;
            if (string.IsNullOrWhiteSpace(flow.Exporter))
            {
                errors.Add(new InputError(file, line, null, $"{path}.exporter", "missing exporter id"));
                idsOk = false;
            }
            if (string.IsNullOrWhiteSpace(flow.Importer))
            {
                errors.Add(new InputError(file, line, null, $"{path}.importer", "missing importer id"));
                idsOk = false;
            }

            if (!valuesAlreadyReported.Contains(k))
            {
                CheckValues(flow, file, location, errors);
            }

            if (!idsOk)
            {
                continue;
            }

            countrySet.Add(flow.Exporter);
            countrySet.Add(flow.Importer);
            if (!firstIndex.TryAdd((flow.Exporter, flow.Importer), k))
            {
                var first = locate(firstIndex[(flow.Exporter, flow.Importer)]);
                var where = first.Line is { } l ? $"line {l}" : first.Path;
                errors.Add(new InputError(file, line, null, path,
                    $"duplicate pair {flow.Exporter}→{flow.Importer} (first given at {where}); each pair must appear once"));
            }
        }

        var countries = countrySet.Order(StringComparer.Ordinal).ToArray();
        var missing = new List<(string Exporter, string Importer)>();
        foreach (var exporter in countries)
        {
            foreach (var importer in countries)
            {
                if (!firstIndex.ContainsKey((exporter, importer)))
                {
                    missing.Add((exporter, importer));
                }
            }
        }

        foreach (var (exporter, importer) in missing.Take(MaxMissingPairsListed))
        {
            var what = exporter == importer ? "domestic flow" : "flow";
            errors.Add(new InputError(file, null, null, $"{exporter}→{importer}",
                $"missing {what}: the matrix must hold every exporter × importer pair of the {countries.Length} countries, domestic flows included"));
        }
        if (missing.Count > MaxMissingPairsListed)
        {
            errors.Add(new InputError(file, null, null, "",
                $"{missing.Count - MaxMissingPairsListed} more missing pairs ({missing.Count} of {countries.Length * countries.Length} in all)"));
        }

        if (errors.Count > errorsBefore)
        {
            return null;
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < countries.Length; i++)
        {
            index[countries[i]] = i;
        }

        var n = countries.Length;
        var trade = new double[n * n];
        var beta = new double[n * n];
        foreach (var flow in flows)
        {
            var cell = index[flow.Exporter] * n + index[flow.Importer];
            trade[cell] = flow.Trade;
            beta[cell] = flow.Beta;
        }

        return new GravityMatrix(countries, trade, beta);
    }

    private static void CheckValues(GravityFlow flow, string file, FlowLocation at, List<InputError> errors)
    {
        var domestic = flow.Exporter == flow.Importer;
        void Trade(string message) => errors.Add(new InputError(file, at.Line, at.TradeColumn, $"{at.Path}.trade", message));
        void Beta(string message) => errors.Add(new InputError(file, at.Line, at.BetaColumn, $"{at.Path}.beta", message));

        if (!double.IsFinite(flow.Trade))
        {
            Trade($"trade must be a finite number, got {GravityInputRanges.Show(flow.Trade)}");
        }
        else if (flow.Trade < 0)
        {
            Trade($"trade must not be negative, got {GravityInputRanges.Show(flow.Trade)}");
        }
        else if (domestic && flow.Trade == 0)
        {
            // Structural gravity needs X_ii > 0: the domestic share enters every price index (ge_gravity stops too).
            Trade($"domestic flow {flow.Exporter}→{flow.Importer} must be > 0");
        }
        else if (!GravityInputRanges.IsTrade(flow.Trade))
        {
            Trade($"trade must be {GravityInputRanges.TradeRange}, got {GravityInputRanges.Show(flow.Trade)}");
        }

        if (!double.IsFinite(flow.Beta))
        {
            Beta($"beta must be a finite number, got {GravityInputRanges.Show(flow.Beta)}");
        }
        else if (domestic && flow.Beta != 0)
        {
            // Partial effects act on international trade costs only; ge_gravity silently resets β_ii to 0,
            // which would hide a mistake in the input, so it is an error here.
            Beta($"beta of domestic flow {flow.Exporter}→{flow.Importer} must be 0, not {GravityInputRanges.Show(flow.Beta)}");
        }
        else if (!GravityInputRanges.IsBeta(flow.Beta))
        {
            Beta($"beta must be {GravityInputRanges.BetaRange}, got {GravityInputRanges.Show(flow.Beta)}");
        }
    }
}
