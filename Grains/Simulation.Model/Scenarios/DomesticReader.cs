namespace Simulation.Model.Scenarios;

/// <summary>
/// Reads <c>domestic</c>: home producers' sales in their own market (DESIGN §3.1), one row
/// <c>{ country, sector, value }</c> per country and sector, inline or from a CSV file (<see cref="TableRows"/>).
/// </summary>
internal static class DomesticReader
{
    private static readonly string[] s_keys = ["country", "sector", "value", EstimateReader.Key];

    private static readonly TableShape s_table = new("domestic", "home sales", ["country", "sector", "value"], ["country", "sector", "value"]);

    public static List<DomesticSales> ReadAll(YamlField field, ScenarioWorld world, TableFiles files, InputErrorList errors)
    {
        var sales = new List<DomesticSales>();
        var seen = new Dictionary<(string Country, string Sector), YamlField>();
        TableRows.Read(field, s_table, files, errors, row =>
        {
            var fields = MappingFields.Open(row, errors, "a row of domestic sales", s_keys);
            if (fields is null)
            {
                return;
            }

            var country = fields.Required("country") is { } c ? world.CountryReference(c) : null;
            var sector = fields.Required("sector") is { } s ? world.SectorReference(s) : null;
            var value = fields.Required("value") is { } v ? ScalarReader.InRange(v, errors, ScenarioRanges.Value) : null;
            EstimateReader.Read(fields, "a row of domestic sales", world, errors, new EstimateReader.Estimable("value", ScenarioRanges.Value, value));
            if (country is null || sector is null)
            {
                return;
            }

            if (seen.TryGetValue((country, sector), out var first))
            {
                errors.Add(row.Node, row.Path,
                    $"duplicate domestic sales (country {country}, sector {sector}); the first is {first.Path}, line {first.Node.Line}");
                return;
            }

            seen.Add((country, sector), row);
            sales.Add(new DomesticSales(country, sector, value ?? 0));
        });

        return sales;
    }
}
