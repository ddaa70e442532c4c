using System.Globalization;
using CsvHelper;
using Simulation.Model.Input;

namespace Simulation.Model.TradeData;

/// <summary>
/// Reads an import file (trade flows, a concordance, a tariff schedule): a CSV with a header row,
/// its columns found by name in any order and case, other columns ignored (an extract from
/// UN Comtrade or WITS carries dozens). Every problem is added to the error list with the file's
/// line and the column's name, so that one pass reports them all.
/// </summary>
public static class ColumnCsv
{
    /// <summary>Largest import file read, in bytes: a full HS-6 bilateral extract for a few countries fits.</summary>
    public const int MaxFileBytes = 64 * 1024 * 1024;

    /// <summary>The rows of the file at <paramref name="path"/>, or null when it cannot be read or lacks a required column.</summary>
    public static CsvFile? Read(string path, IReadOnlyList<CsvColumn> columns, List<InputError> errors)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(errors);
        string text;
        try
        {
            text = BoundedFile.ReadText(path, path, MaxFileBytes);
        }
        catch (InvalidInputException e)
        {
            errors.AddRange(e.Errors);
            return null;
        }

        return Parse(text, path, columns, errors);
    }

    /// <summary>As <see cref="Read"/>, for text read already; <paramref name="file"/> names it in errors.</summary>
    public static CsvFile? Parse(string text, string file, IReadOnlyList<CsvColumn> columns, List<InputError> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        var malformed = new HashSet<long>();
        var found = errors.Count;
        var options = StrictCsv.Options(record =>
        {
            malformed.Add(record.LineNumber);
            errors.Add(new InputError(file, (int)record.LineNumber, null, "", $"malformed quoting ({record.Reason}): {record.RawRecord}"));
        });

        try
        {
            using var csv = CsvReader.Create(new StringReader(text), options);
            csv.ReadHeader();
            if (csv.Headers.Count == 0)
            {
                errors.Add(new InputError(file, null, null, "",
                    $"the file is empty: expected a header row naming the columns {string.Join(", ", columns.Where(c => c.Required).Select(c => c.Name))}"));
                return null;
            }

            var at = Locate(csv.Headers, columns, file, (int)csv.LineNumber, errors);
            if (errors.Count > found)
            {
                return null;
            }

            var rows = new List<CsvRow>();
            while (csv.Read())
            {
                if (malformed.Contains(csv.LineNumber))
                {
                    continue;
                }

                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (name, index) in at)
                {
                    if (index < csv.FieldCount)
                    {
                        fields[name] = csv.GetString(index).Trim();
                    }
                }

                if (csv.FieldCount > csv.Headers.Count)
                {
                    errors.Add(new InputError(file, (int)csv.LineNumber, null, "",
                        $"the row has {csv.FieldCount} fields but the header has {csv.Headers.Count}: a decimal comma, or a comma inside an unquoted field?"));
                }

                rows.Add(new CsvRow((int)csv.LineNumber, fields));
            }

            return new CsvFile(file, rows, at.Select(a => a.Name).ToHashSet(StringComparer.Ordinal));
        }
        catch (CsvFormatException e)
        {
            errors.Add(new InputError(file, e.LineNumber > 0 ? (int)e.LineNumber : null, null, "", $"not readable as CSV: {e.Message}"));
            return null;
        }
    }

    /// <summary>
    /// A number written with a decimal point, finite and at least <paramref name="min"/>, or null with
    /// an error naming the line and column.
    /// </summary>
    public static double? Number(CsvRow row, string column, string file, double min, double max, List<InputError> errors)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(errors);
        var text = row[column];
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(new InputError(file, row.Line, null, column, $"{column} is empty"));
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            errors.Add(new InputError(file, row.Line, null, column, $"{column} is not a number: '{text}' (write numbers with a '.' and no thousands separator)"));
            return null;
        }

        if (value < min || value > max)
        {
            errors.Add(new InputError(file, row.Line, null, column, $"{column} must be from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, got {text}"));
            return null;
        }

        return value;
    }

    /// <summary>A non-empty text field, or null with an error.</summary>
    public static string? Text(CsvRow row, string column, string file, List<InputError> errors)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(errors);
        if (row[column] is { Length: > 0 } text)
        {
            return text;
        }

        errors.Add(new InputError(file, row.Line, null, column, $"{column} is empty"));
        return null;
    }

    private static List<(string Name, int Index)> Locate(IReadOnlyList<string> headers, IReadOnlyList<CsvColumn> columns, string file, int line, List<InputError> errors)
    {
        var at = new List<(string, int)>();
        foreach (var column in columns)
        {
            var index = column.HeaderNames
                .Select(name => Enumerable.Range(0, headers.Count).FirstOrDefault(i => string.Equals(headers[i].Trim(), name, StringComparison.OrdinalIgnoreCase), -1))
                .FirstOrDefault(i => i >= 0, -1);
            if (index >= 0)
            {
                at.Add((column.Name, index));
            }
            else if (column.Required)
            {
                errors.Add(new InputError(file, line, null, column.Name,
                    $"missing column {string.Join(" or ", column.HeaderNames.Select(n => $"'{n}'"))} (the header has: {string.Join(", ", headers)})"));
            }
        }

        return at;
    }
}
