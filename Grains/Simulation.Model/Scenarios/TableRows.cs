namespace Simulation.Model.Scenarios;

/// <summary>
/// Reads a table of the scenario whose rows are written inline (a list of mappings) or in a CSV
/// file (<c>{ file: NAME.csv }</c>, DESIGN §6.1), handing each row to the table's own row reader.
/// Rows from a file are mappings like inline ones, positioned in the file, so a row reader sees
/// the same values either way and its errors name the CSV's file and line.
/// </summary>
internal static class TableRows
{
    public const string FileKey = "file";

    /// <summary>Whether a table of the document <paramref name="root"/> is written <c>{ file: NAME.csv }</c>.</summary>
    public static bool AnyFromFile(YamlMapping root) =>
        root.Entries.Any(e => e.Value is YamlMapping table && table.Find(FileKey) is not null);

    public static void Read(YamlField field, TableShape shape, TableFiles files, InputErrorList errors, Action<YamlField> readRow)
    {
        var fromFile = field.Node is YamlMapping mapping && mapping.Find(FileKey) is not null;
        var rows = field.Node as YamlSequence ?? (fromFile ? files.Read(field, shape, errors) : null);
        if (rows is null)
        {
            if (!fromFile)
            {
                errors.Add(field.Node, field.Path,
                    $"{shape.Key} must be a list of {shape.RowsWhat} {shape.ColumnList} or {{ {FileKey}: NAME.csv }}, got {field.Node.Describe()}");
            }

            return;
        }

        for (var i = 0; i < rows.Items.Count; i++)
        {
            readRow(new YamlField(rows.Items[i], DocumentPath.Index(field.Path, i)));
        }
    }
}
