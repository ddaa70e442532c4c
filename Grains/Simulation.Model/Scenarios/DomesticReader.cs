namespace Simulation.Model.Scenarios;

/// <summary>
/// Reads <c>domestic</c>: home producers' sales in their own market (DESIGN §3.1), one row
/// <c>{ country, sector, value }</c> per country and sector.
/// </summary>
internal static class DomesticReader
{
    private static readonly string[] s_keys = ["country", "sector", "value", EstimateReader.Key];

    public static List<DomesticSales> ReadAll(YamlField field, ScenarioWorld world, InputErrorList errors)
    {
        var sales = new List<DomesticSales>();
        if (field.Node is not YamlSequence rows)
        {
            errors.Add(field.Node, field.Path,
                $"domestic must be a list of home sales {{ country, sector, value }}, got {field.Node.Describe()}");
            return sales;
        }

        var seen = new Dictionary<(string Country, string Sector), YamlField>();
        for (var i = 0; i < rows.Items.Count; i++)
        {
            var row = new YamlField(rows.Items[i], DocumentPath.Index(field.Path, i));
            var fields = MappingFields.Open(row, errors, "a row of domestic sales", s_keys);
            if (fields is null)
            {
                continue;
            }

            var country = fields.Required("country") is { } c ? world.CountryReference(c) : null;
            var sector = fields.Required("sector") is { } s ? world.SectorReference(s) : null;
            var value = fields.Required("value") is { } v ? ScalarReader.InRange(v, errors, ScenarioRanges.Value) : null;
            EstimateReader.Read(fields, "a row of domestic sales", world, errors, new EstimateReader.Estimable("value", ScenarioRanges.Value, value));
            if (country is null || sector is null)
            {
                continue;
            }

            if (seen.TryGetValue((country, sector), out var first))
            {
                errors.Add(row.Node, row.Path,
                    $"duplicate domestic sales (country {country}, sector {sector}); the first is {first.Path}, line {first.Node.Line}");
                continue;
            }

            seen.Add((country, sector), row);
            sales.Add(new DomesticSales(country, sector, value ?? 0));
        }

        return sales;
    }
}
