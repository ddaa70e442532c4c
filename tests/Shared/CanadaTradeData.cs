using System.Globalization;
using System.Text;

namespace Simulation.Tests.Shared;

/// <summary>
/// The rows of shared/data/canada-trade-2024.csv, by <c>row_id</c>: the reference the Canada
/// scenarios cite, read independently of the scenario files so a test can check a file against it.
/// </summary>
internal static class CanadaTradeData
{
    private static readonly Lazy<IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>>> s_rows = new(Load);

    /// <summary>A cell of a row, as text ("" when empty).</summary>
    public static string Cell(int rowId, string column) => s_rows.Value[rowId][column];

    /// <summary>A numeric cell of a row.</summary>
    public static double Number(int rowId, string column) =>
        double.Parse(Cell(rowId, column), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>> Load()
    {
        var lines = File.ReadAllLines(RepositoryPaths.ReferenceData("canada-trade-2024.csv"));
        var header = Fields(lines[0]);
        var rows = new Dictionary<int, IReadOnlyDictionary<string, string>>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = Fields(line);
            var row = header.Select((name, i) => (name, cell: i < cells.Count ? cells[i] : "")).ToDictionary(p => p.name, p => p.cell, StringComparer.Ordinal);
            rows.Add(int.Parse(row["row_id"], CultureInfo.InvariantCulture), row);
        }

        return rows;
    }

    /// <summary>One line's fields (RFC 4180: a quoted field may hold commas, and "" is a quote).</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
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
