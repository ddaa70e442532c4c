using Simulation.Model.Economics;

namespace Simulation.Model.Scenarios;

/// <summary>
/// Reads <c>supply</c>: a supplier's total base sales of a sector (DESIGN §3.2, "A complete world"),
/// one row <c>{ country, sector, total, elsewhere_elasticity? }</c> per country and sector. A row is
/// read from one mapping (<see cref="ReadRow"/>), whatever the table came from; the checks that need
/// every row or the listed sales are made on the table as a whole.
/// </summary>
internal static class SupplyReader
{
    private static readonly string[] s_keys = ["country", "sector", "total", "elsewhere_elasticity", EstimateReader.Key];

    /// <summary>A row as read, and where it is written (for the checks against the listed sales).</summary>
    public sealed record Row(TotalSales Sales, YamlField At);

    public static List<Row> ReadAll(YamlField field, ScenarioWorld world, InputErrorList errors)
    {
        var rows = new List<Row>();
        if (field.Node is not YamlSequence items)
        {
            errors.Add(field.Node, field.Path,
                $"supply must be a list of total sales {{ country, sector, total }}, got {field.Node.Describe()}");
            return rows;
        }

        var seen = new Dictionary<(string Country, string Sector), YamlField>();
        for (var i = 0; i < items.Items.Count; i++)
        {
            var at = new YamlField(items.Items[i], DocumentPath.Index(field.Path, i));
            if (ReadRow(at, world, errors) is not { } sales)
            {
                continue;
            }

            if (seen.TryGetValue((sales.Country, sales.Sector), out var first))
            {
                errors.Add(at.Node, at.Path,
                    $"duplicate total sales (country {sales.Country}, sector {sales.Sector}); the first is {first.Path}, line {first.Node.Line}");
                continue;
            }

            seen.Add((sales.Country, sales.Sector), at);
            rows.Add(new Row(sales, at));
        }

        return rows;
    }

    /// <summary>One row from its mapping; null (with the reasons in <paramref name="errors"/>) when it has errors.</summary>
    public static TotalSales? ReadRow(YamlField row, ScenarioWorld world, InputErrorList errors)
    {
        var fields = MappingFields.Open(row, errors, "a row of total sales", s_keys);
        if (fields is null)
        {
            return null;
        }

        var before = errors.Count;
        var country = fields.Required("country") is { } c ? world.CountryReference(c) : null;
        var sector = fields.Required("sector") is { } s ? world.SectorReference(s) : null;
        var total = fields.Required("total") is { } t ? ScalarReader.InRange(t, errors, ScenarioRanges.Value) : null;
        var elasticity = fields.Optional("elsewhere_elasticity") is { } e ? ScalarReader.InRange(e, errors, ScenarioRanges.Elasticity) : null;
        EstimateReader.Read(fields, "a row of total sales", world, errors,
            new("total", ScenarioRanges.Value, total),
            new("elsewhere_elasticity", ScenarioRanges.Elasticity, elasticity));
        return errors.Count > before || country is null || sector is null || total is null
            ? null
            : new TotalSales(country, sector, total.Value, elasticity);
    }

    /// <summary>
    /// Checks each total against S_j, the supplier's sales in the markets listed (trade and home
    /// sales): T_j below S_j would make its sales elsewhere negative, and a supplier selling nowhere
    /// in the listed markets has no supply curve the scenario could move. Returns the rows that pass.
    /// </summary>
    public static List<TotalSales> CheckAgainstListedSales(
        IReadOnlyList<Row> rows, IReadOnlyList<TradeFlow> trade, IReadOnlyList<DomesticSales> domestic, InputErrorList errors)
    {
        var checkedRows = new List<TotalSales>();
        foreach (var (sales, at) in rows)
        {
            var listed = ListedSales(sales.Country, sales.Sector, trade, domestic);
            if (listed <= 0)
            {
                errors.Add(at.Node, at.Path,
                    $"{sales.Country} sells no {sales.Sector} in the markets listed (no trade or domestic row); a total is for a supplier of those markets");
            }
            else if (sales.Total < listed * (1 - Elsewhere.RoundingTolerance))
            {
                errors.Add(at.Node, DocumentPath.Key(at.Path, "total"),
                    $"total {ScalarReader.Show(sales.Total)} of {sales.Country} in {sales.Sector} is below its sales in the markets listed, " +
                    $"S = {ScalarReader.Show(listed)} (trade and domestic rows); T must be at least S, the rest being sold elsewhere");
            }
            else
            {
                checkedRows.Add(sales);
            }
        }

        return checkedRows;
    }

    /// <summary>S_j: the supplier's base sales of the sector in the markets listed, home sales included.</summary>
    public static double ListedSales(string country, string sector, IReadOnlyList<TradeFlow> trade, IReadOnlyList<DomesticSales> domestic)
    {
        var sum = 0.0;
        foreach (var flow in trade)
        {
            if (flow.Exporter == country && flow.Sector == sector)
            {
                sum += flow.Value;
            }
        }

        foreach (var home in domestic)
        {
            if (home.Country == country && home.Sector == sector)
            {
                sum += home.Value;
            }
        }

        return sum;
    }
}
