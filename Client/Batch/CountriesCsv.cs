using Simulation.Client.Output;
using Simulation.Model.Reporting;

namespace Simulation.Client.Batch;

/// <summary>
/// <c>countries.csv</c> of a batch (DESIGN §6.4): one row per run × country, what the run's outcome
/// gives for each country (docs/batch.md). Columns: those of <see cref="RunColumns"/>,
/// then <c>country</c>, its welfare change first (<c>welfare_total</c>, ΔW, then its parts
/// <c>consumer_surplus</c>, <c>tariff_revenue</c>, <c>producer_surplus</c>), then its objective
/// (<c>objective</c>, its kind: mercantilist, welfare, political; <c>objective_name</c>, what its
/// value is called: "mercantilist score"...; <c>objective_value</c>), the three objectives' scores of
/// the same change (<c>mercantilist</c>, <c>welfare</c> — the welfare objective's score, ΔW plus any
/// partner premium —, <c>political</c>), <c>exports_change</c>, <c>imports_change</c>,
/// and the largest export partner before and after with its share (0 to 1; empty for a country
/// without exports). Money at world prices in the scenario's unit, relative to the base data.
/// Exports by partner have a row each, so they are a table of their own, <see cref="ExportsCsv"/>.
/// </summary>
internal static class CountriesCsv
{
    public const string FileName = "countries.csv";

    private static readonly string[] s_trailing =
    [
        "country", "welfare_total", "consumer_surplus", "tariff_revenue", "producer_surplus",
        "objective", "objective_name", "objective_value", "mercantilist", "welfare", "political", "exports_change", "imports_change",
        "largest_partner_before", "largest_share_before", "largest_partner_after", "largest_share_after",
    ];

    public static IReadOnlyList<string> Header(RunColumns columns) => [.. columns.Header, .. s_trailing];

    public static List<string[]> Rows(IEnumerable<string> leading, RunOutcome outcome)
    {
        var run = leading.ToArray();
        return [.. outcome.Countries.Select(c => (string[])[.. run,
            c.Id, FrontierCsv.Number(c.Welfare.Total), FrontierCsv.Number(c.Welfare.ConsumerSurplus), FrontierCsv.Number(c.Welfare.TariffRevenue),
            FrontierCsv.Number(c.Welfare.ProducerSurplus),
            c.Objective.Kind, c.Objective.Name, FrontierCsv.Number(c.Objective.Value),
            FrontierCsv.Number(c.Measures.Mercantilist), FrontierCsv.Number(c.Measures.Welfare), FrontierCsv.Number(c.Measures.Political),
            FrontierCsv.Number(c.ExportsChange), FrontierCsv.Number(c.ImportsChange),
            c.Exports.LargestBefore?.Partner ?? "", c.Exports.LargestBefore is { } before ? FrontierCsv.Number(before.Share) : "",
            c.Exports.LargestAfter?.Partner ?? "", c.Exports.LargestAfter is { } after ? FrontierCsv.Number(after.Share) : ""])];
    }
}
