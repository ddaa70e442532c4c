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
    /// countries that appear, exactly once), with finite non-negative trade, finite β, positive domestic flows and
    /// β = 0 on domestic pairs. Adds every problem to <paramref name="errors"/>; returns the matrix only if none.
    /// </summary>
    /// <param name="flows">The flows, in any order.</param>
    /// <param name="file">The file (or other source) named in errors.</param>
    /// <param name="locate">Line (if known) and path of flow k, such as <c>row 12</c> or <c>flows[11]</c>.</param>
    /// <param name="valuesAlreadyReported">Flows whose numbers were already reported as unreadable.</param>
    /// <param name="errors">Receives the problems.</param>
    public static GravityMatrix? Build(
        IReadOnlyList<GravityFlow> flows,
        string file,
        Func<int, (int? Line, string Path)> locate,
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
            var (line, path) = locate(k);
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
                CheckValues(flow, file, line, path, errors);
            }

            if (!idsOk)
            {
                continue;
            }

            countrySet.Add(flow.Exporter);
            countrySet.Add(flow.Importer);
            if (!firstIndex.TryAdd((flow.Exporter, flow.Importer), k))
            {
                var (firstLine, firstPath) = locate(firstIndex[(flow.Exporter, flow.Importer)]);
                var where = firstLine is { } l ? $"line {l}" : firstPath;
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

    private static void CheckValues(GravityFlow flow, string file, int? line, string path, List<InputError> errors)
    {
        var domestic = flow.Exporter == flow.Importer;
        if (!double.IsFinite(flow.Trade))
        {
            errors.Add(new InputError(file, line, null, $"{path}.trade", $"trade must be a finite number, not {flow.Trade}"));
        }
        else if (flow.Trade < 0)
        {
            errors.Add(new InputError(file, line, null, $"{path}.trade", $"trade must not be negative ({flow.Trade})"));
        }
        else if (domestic && flow.Trade == 0)
        {
            // Structural gravity needs X_ii > 0: the domestic share enters every price index (ge_gravity stops too).
            errors.Add(new InputError(file, line, null, $"{path}.trade",
                $"domestic flow {flow.Exporter}→{flow.Importer} must be > 0"));
        }

        if (!double.IsFinite(flow.Beta))
        {
            errors.Add(new InputError(file, line, null, $"{path}.beta", $"beta must be a finite number, not {flow.Beta}"));
        }
        else if (domestic && flow.Beta != 0)
        {
            // Partial effects act on international trade costs only; ge_gravity silently resets β_ii to 0,
            // which would hide a mistake in the input, so it is an error here.
            errors.Add(new InputError(file, line, null, $"{path}.beta",
                $"beta of domestic flow {flow.Exporter}→{flow.Importer} must be 0, not {flow.Beta}"));
        }
    }
}
