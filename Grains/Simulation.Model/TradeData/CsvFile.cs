namespace Simulation.Model.TradeData;

/// <summary>An import file read by <see cref="ColumnCsv"/>: its name, its rows, and which of the columns asked for it has.</summary>
public sealed record CsvFile(string Name, IReadOnlyList<CsvRow> Rows, IReadOnlySet<string> Columns);
