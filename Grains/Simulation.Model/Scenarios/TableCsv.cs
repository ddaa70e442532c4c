using CsvHelper;
using Simulation.Model.Input;

namespace Simulation.Model.Scenarios;

/// <summary>
/// Reads the rows of a scenario table from CSV text (DESIGN §6.1): a header row naming the columns
/// by the table's keys (any order, any case), then one row per table row. Each row becomes the
/// mapping its inline twin would be, every field a plain scalar as if written unquoted in YAML (CSV
/// quoting only protects commas, it says nothing of type), positioned at the file's line: so the
/// table's row reader checks numbers, ids and duplicates as it does inline, and its errors name the
/// file and line. An empty field is a key left out.
/// </summary>
internal static class TableCsv
{
    /// <summary>The rows of <paramref name="text"/>, or null when its header is unusable (the errors say why).</summary>
    public static YamlSequence? Read(string text, string file, TableShape shape, string path, InputErrorList errors)
    {
        var malformedLines = new HashSet<long>();
        var options = StrictCsv.Options(record =>
        {
            malformedLines.Add(record.LineNumber);
            errors.Add(file, (int)record.LineNumber, null, path, $"malformed quoting ({record.Reason}): {Quoted.Text(record.RawRecord)}");
        });

        try
        {
            using var csv = CsvReader.Create(new StringReader(text), options);
            var columns = Header(csv, file, shape, path, errors);
            if (columns is null)
            {
                return null;
            }

            var rows = new List<YamlNode>();
            while (csv.Read())
            {
                if (malformedLines.Contains(csv.LineNumber))
                {
                    continue;
                }

                rows.Add(Row(csv, columns, file, DocumentPath.Index(path, rows.Count), errors));
            }

            return new YamlSequence(rows, 1, 1) { File = file };
        }
        catch (CsvFormatException e)
        {
            errors.Add(file, e.LineNumber > 0 ? (int)e.LineNumber : null, null, path, $"not readable as CSV: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// The key each field of a row is read as (null for a column reported as unknown), or null when
    /// the header is missing or lacks a required column.
    /// </summary>
    private static string?[]? Header(CsvReader csv, string file, TableShape shape, string path, InputErrorList errors)
    {
        csv.ReadHeader();
        if (csv.Headers.Count == 0 || csv.Headers.All(h => h.Trim().Length == 0))
        {
            errors.Add(file, null, null, path, $"the file is empty: expected a header row naming the columns {string.Join(", ", shape.Columns)}, then its rows");
            return null;
        }

        var line = (int)csv.LineNumber;
        var keys = new string?[csv.Headers.Count];
        var usable = true;
        for (var i = 0; i < keys.Length; i++)
        {
            var name = csv.Headers[i].Trim();
            var key = shape.Columns.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            if (key is null)
            {
                var hint = Suggestion.Closest(name, shape.Columns) is { } closest ? $"; did you mean '{closest}'?" : "";
                var inlineOnly = name is "quota" or EstimateReader.Key ? $"; {name} holds a mapping, so it is written inline only" : "";
                errors.Add(file, line, null, DocumentPath.Key(path, name),
                    $"unknown column {Quoted.Text(name)} (expected {string.Join(", ", shape.Columns)}){hint}{inlineOnly}");
                usable = false;
            }
            else if (Array.IndexOf(keys, key) is var first and >= 0)
            {
                errors.Add(file, line, null, DocumentPath.Key(path, key), $"column {Quoted.Text(key)} appears twice, as columns {first + 1} and {i + 1}");
                usable = false;
            }
            else
            {
                keys[i] = key;
            }
        }

        var missing = shape.Required.Where(r => !keys.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(file, line, null, path,
                $"missing required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(Quoted.Text))} (the header has: {string.Join(", ", csv.Headers)})");
            usable = false;
        }

        // Rows under a header with a wrong column would only repeat its error, once per row.
        return usable ? keys : null;
    }

    private static YamlMapping Row(CsvReader csv, string?[] keys, string file, string path, InputErrorList errors)
    {
        var line = (int)csv.LineNumber;
        if (csv.FieldCount > keys.Length)
        {
            errors.Add(file, line, null, path,
                $"the row has {csv.FieldCount} fields but the header has {keys.Length}: a decimal comma, or a comma inside an unquoted field?");
        }

        var entries = new List<YamlMappingEntry>();
        for (var i = 0; i < keys.Length && i < csv.FieldCount; i++)
        {
            var value = csv.GetString(i).Trim();
            if (keys[i] is { } key && value.Length > 0)
            {
                entries.Add(new YamlMappingEntry(
                    new YamlScalar(key, isPlain: true, line, i + 1) { File = file },
                    new YamlScalar(value, isPlain: true, line, i + 1) { File = file }));
            }
        }

        return new YamlMapping(entries, line, 1) { File = file };
    }
}
