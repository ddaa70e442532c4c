using Simulation.Client.Output;
using Simulation.Model.Reporting;

namespace Simulation.Client.Batch;

/// <summary>
/// <c>exports.csv</c> of a batch: a country's exports by partner, tidy, one row per run × country ×
/// partner, so that a partner is a value of a column and not a column of its own (scenarios differ
/// in their countries). Columns: those of <see cref="RunColumns"/>, then <c>country</c> (the
/// exporter), <c>partner</c>, <c>before</c> (exports in the base data), <c>after</c> (in the run's
/// final world), <c>share_before</c> and <c>share_after</c> (0 to 1 of the country's exports),
/// at world prices in the scenario's unit; partners in ordinal order. It joins
/// <see cref="CountriesCsv"/> on (run_id, country).
/// </summary>
internal static class ExportsCsv
{
    public const string FileName = "exports.csv";

    private static readonly string[] s_trailing = ["country", "partner", "before", "after", "share_before", "share_after"];

    public static IReadOnlyList<string> Header(RunColumns columns) => [.. columns.Header, .. s_trailing];

    public static List<string[]> Rows(IEnumerable<string> leading, RunOutcome outcome)
    {
        var run = leading.ToArray();
        return [.. outcome.Countries.SelectMany(c => c.Exports.Before.Keys.Union(c.Exports.After.Keys).Order(StringComparer.Ordinal)
            .Select(partner => (string[])[.. run, c.Id, partner,
                Number(c.Exports.Before, partner), Number(c.Exports.After, partner),
                Number(c.Exports.ShareBefore, partner), Number(c.Exports.ShareAfter, partner)]))];
    }

    private static string Number(IReadOnlyDictionary<string, double> values, string partner) =>
        values.TryGetValue(partner, out var value) ? FrontierCsv.Number(value) : "";
}
