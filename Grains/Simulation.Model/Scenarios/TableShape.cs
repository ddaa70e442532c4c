namespace Simulation.Model.Scenarios;

/// <summary>
/// What a table of the scenario (<c>trade</c>, <c>domestic</c>, ...) looks like to a reader of its
/// rows, inline or from a CSV file (DESIGN §6.1): its key, what its rows are, the keys a row may have
/// as CSV columns, and the ones every row must have. Keys holding a mapping (a trade flow's
/// <c>quota</c> or any row's <c>estimate</c>) have no CSV column and are written inline only.
/// </summary>
internal sealed record TableShape(string Key, string RowsWhat, IReadOnlyList<string> Columns, IReadOnlyList<string> Required)
{
    /// <summary>The columns as a message shows them: <c>{ country, sector, value }</c>.</summary>
    public string ColumnList => $"{{ {string.Join(", ", Columns)} }}";
}
