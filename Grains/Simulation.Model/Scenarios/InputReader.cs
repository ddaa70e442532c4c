using System.Globalization;
using Simulation.Model.Economics;

namespace Simulation.Model.Scenarios;

/// <summary>
/// Reads <c>inputs</c>: vertical links (DESIGN §3.2), one row <c>{ country, sector, input, share }</c>
/// per country, sector and input. A row is read from one mapping (<see cref="ReadRow"/>), whatever
/// holds it; the checks across rows and against the trade data (<see cref="Check"/>) come after.
/// </summary>
internal static class InputReader
{
    private static readonly string[] s_keys = ["country", "sector", "input", "share"];

    /// <summary>A cost share a_k: above 0, and at most 1 (the sum over a sector's inputs, checked after, must be below 1).</summary>
    internal static NumberRange Share { get; } = new(0, 1, MinExclusive: true, Text: "a number > 0 and < 1 (a cost share of base output value)");

    /// <summary>A row read, with where it was, for the checks across rows.</summary>
    internal sealed record Row(InputShare Input, YamlField At, YamlField ShareAt);

    public static List<InputShare> ReadAll(
        YamlField field, ScenarioWorld world, IReadOnlyList<TradeFlow> trade, IReadOnlyList<DomesticSales> domestic, IReadOnlyList<TotalSales> supply, InputErrorList errors)
    {
        if (field.Node is not YamlSequence rows)
        {
            errors.Add(field.Node, field.Path,
                $"inputs must be a list of cost shares {{ country, sector, input, share }}, got {field.Node.Describe()}");
            return [];
        }

        var read = new List<Row>();
        for (var i = 0; i < rows.Items.Count; i++)
        {
            if (ReadRow(new YamlField(rows.Items[i], DocumentPath.Index(field.Path, i)), world, errors) is { } row)
            {
                read.Add(row);
            }
        }

        return Check(read, trade, domestic, supply, errors);
    }

    /// <summary>One row from one mapping; null (with the errors recorded) when it cannot be used.</summary>
    public static Row? ReadRow(YamlField row, ScenarioWorld world, InputErrorList errors)
    {
        var fields = MappingFields.Open(row, errors, "a row of inputs", s_keys);
        if (fields is null)
        {
            return null;
        }

        var country = fields.Required("country") is { } c ? world.CountryReference(c) : null;
        var sector = fields.Required("sector") is { } s ? world.SectorReference(s) : null;
        var inputField = fields.Required("input");
        var input = inputField is { } k ? world.SectorReference(k) : null;
        var shareField = fields.Required("share");
        var share = shareField is { } a ? ScalarReader.InRange(a, errors, Share) : null;
        if (country is null || sector is null || input is null || share is null)
        {
            return null;
        }

        if (input == sector)
        {
            errors.Add(inputField!.Value.Node, inputField.Value.Path,
                $"sector {Quoted.Text(sector)} cannot be its own input; a link is between two different sectors");
            return null;
        }

        return new Row(new InputShare(country, sector, input, share.Value), row, shareField!.Value);
    }

    /// <summary>
    /// The checks across rows: no duplicate (country, sector, input); Σ_k a_k &lt; 1 per country and
    /// sector (value added must be positive at base prices); the country has a market for each input
    /// (imports or home sales of it, DESIGN §3.2: producers buy inputs at home); and in it
    /// intermediate spending I0 = Σ_s a_k X0_cs is at most base spending E0 (final spending F0 = E0 − I0 ≥ 0).
    /// X0_cs is all of c's base sales of s: its <c>supply</c> total where it has one, the markets listed otherwise.
    /// </summary>
    public static List<InputShare> Check(
        IReadOnlyList<Row> rows, IReadOnlyList<TradeFlow> trade, IReadOnlyList<DomesticSales> domestic, IReadOnlyList<TotalSales> supply, InputErrorList errors)
    {
        var kept = new List<Row>();
        var seen = new Dictionary<(string, string, string), Row>();
        foreach (var row in rows)
        {
            var input = row.Input;
            if (seen.TryGetValue((input.Country, input.Sector, input.Input), out var first))
            {
                errors.Add(row.At.Node, row.At.Path,
                    $"duplicate input (country {input.Country}, sector {input.Sector}, input {input.Input}); the first is {first.At.Path}, line {first.At.Node.Line}");
                continue;
            }

            seen.Add((input.Country, input.Sector, input.Input), row);
            kept.Add(row);
        }

        foreach (var producers in kept.GroupBy(r => (r.Input.Country, r.Input.Sector)))
        {
            var total = producers.Sum(r => r.Input.Share);
            if (total >= 1)
            {
                var last = producers.Last();
                errors.Add(last.ShareAt.Node, last.ShareAt.Path,
                    $"the input shares of {producers.Key.Country}'s {Quoted.Text(producers.Key.Sector)} add up to {Show(total)}; " +
                    "they must add up to less than 1, or nothing would be left for value added");
            }
        }

        var spending = new Dictionary<(string Country, string Sector), double>();
        var sales = new Dictionary<(string Country, string Sector), double>();
        foreach (var flow in trade)
        {
            Add(spending, (flow.Importer, flow.Sector), flow.Value * (1 + World.BaseTariffOf(flow) / 100));
            Add(sales, (flow.Exporter, flow.Sector), flow.Value);
        }

        foreach (var home in domestic)
        {
            Add(spending, (home.Country, home.Sector), home.Value);
            Add(sales, (home.Country, home.Sector), home.Value);
        }

        foreach (var total in supply)
        {
            sales[(total.Country, total.Sector)] = total.Total;
        }

        foreach (var market in kept.GroupBy(r => (r.Input.Country, r.Input.Input)))
        {
            var (country, input) = market.Key;
            if (!spending.TryGetValue((country, input), out var baseSpending) || baseSpending <= 0)
            {
                foreach (var row in market)
                {
                    errors.Add(row.At.Node, row.At.Path,
                        $"{country} has no market for {Quoted.Text(input)}: its producers buy inputs at home, so {country} needs imports of " +
                        $"{Quoted.Text(input)} in trade or home sales of it in domestic");
                }

                continue;
            }

            var intermediate = market.Sum(r => r.Input.Share * sales.GetValueOrDefault((country, r.Input.Sector)));
            if (intermediate > baseSpending * (1 + 1e-12))
            {
                var last = market.Last();
                errors.Add(last.ShareAt.Node, last.ShareAt.Path,
                    $"in {country}'s market for {Quoted.Text(input)} intermediate spending I0 = Σ a·X0 = {Show(intermediate)} exceeds base spending " +
                    $"E0 = {Show(baseSpending)} (imports at consumer prices and home sales): producers cannot buy more of an input than the market sells");
            }
        }

        return [.. kept.Select(r => r.Input)];
    }

    private static void Add(Dictionary<(string, string), double> sums, (string, string) key, double value) =>
        sums[key] = sums.GetValueOrDefault(key) + value;

    private static string Show(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
