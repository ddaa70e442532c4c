using System.Globalization;

namespace Simulation.Tests.Shared;

/// <summary>
/// The rows of tests/data/canada-trade-2024.csv, by <c>row_id</c>: the reference the Canada
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
        var records = Rfc4180.Parse(File.ReadAllText(RepositoryPaths.ReferenceData("canada-trade-2024.csv")));
        var header = records[0];
        var rows = new Dictionary<int, IReadOnlyDictionary<string, string>>();
        foreach (var cells in records.Skip(1).Where(r => r is not [""]))
        {
            var row = header.Select((name, i) => (name, cell: i < cells.Count ? cells[i] : "")).ToDictionary(p => p.name, p => p.cell, StringComparer.Ordinal);
            rows.Add(int.Parse(row["row_id"], CultureInfo.InvariantCulture), row);
        }

        return rows;
    }
}
