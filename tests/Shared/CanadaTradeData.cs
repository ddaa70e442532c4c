namespace Simulation.Tests.Shared;

/// <summary>
/// The rows of the shared reference data <c>canada-trade-2024.csv</c>, by <c>row_id</c>, which
/// the shipped November 2025 scenarios cite in their opening comments.
/// </summary>
public sealed class CanadaTradeData
{
    private readonly Dictionary<int, IReadOnlyDictionary<string, string>> rows = [];

    private CanadaTradeData(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = Fields(lines[0]);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var fields = Fields(line);
            var row = header.Select((name, i) => (name, value: i < fields.Count ? fields[i] : "")).ToDictionary(f => f.name, f => f.value);
            rows.Add(int.Parse(row["row_id"], System.Globalization.CultureInfo.InvariantCulture), row);
        }
    }

    public static CanadaTradeData Load() => new(RepositoryPaths.ReferenceData("canada-trade-2024.csv"));

    /// <summary>A number of the row (<c>trade_value</c>, <c>tariff_late2025_pct</c>, ...).</summary>
    public double Number(int rowId, string column) =>
        double.Parse(rows[rowId][column], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 fields: commas inside double quotes do not split, "" is a quote.</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
