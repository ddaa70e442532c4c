namespace Simulation.Model.TradeData;

/// <summary>One data row of an import file: its line, and its fields by column name (absent columns omitted).</summary>
public sealed record CsvRow(int Line, IReadOnlyDictionary<string, string> Fields)
{
    public string? this[string column] => Fields.GetValueOrDefault(column);
}
