using System.Globalization;
using CsvHelper;
using Simulation.Model.Input;

namespace Simulation.Model.Gravity;

/// <summary>
/// Reads a flow matrix for <see cref="GeneralEquilibriumGravity"/> from CSV: a header naming the columns
/// <c>exporter, importer, trade, beta</c> (any order, any case, extra columns ignored), then one row per
/// exporter × importer pair, domestic pairs included. Numbers use a decimal point (invariant culture) and must
/// lie in the ranges of <see cref="GravityInputRanges"/>; a row may not have more fields than the header, since
/// a decimal comma ("-1,2004") or an unquoted comma would otherwise be read with a field silently dropped.
/// </summary>
/// <remarks>
/// Every problem is collected and thrown at once as an <see cref="InvalidInputException"/>: each error names the
/// file, the line, and a path <c>row N.column</c> where N counts data rows from 1 (the header is not a row).
/// </remarks>
public static class GravityFlowsCsv
{
    /// <summary>Largest file <see cref="Load"/> accepts, and the most characters <see cref="Parse"/> reads.</summary>
    public const long MaxSize = 64L * 1024 * 1024;

    /// <summary>The columns required in the header.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = ["exporter", "importer", "trade", "beta"];

    /// <summary>Reads and validates the flows in the file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidInputException">The file is missing, too large, unreadable or invalid.</exception>
    public static IReadOnlyList<GravityFlow> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw Single(path, "file not found");
            }
            if (info.Length > MaxSize)
            {
                throw Single(path, $"file too large: {info.Length} bytes, the limit is {MaxSize} (64 MiB)");
            }

            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            return Parse(reader, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Single(path, $"cannot read the file: {e.Message}");
        }
    }

    /// <summary>Reads and validates flows from <paramref name="reader"/>, naming <paramref name="fileName"/> in errors.</summary>
    /// <exception cref="InvalidInputException">The text is empty, too large or invalid.</exception>
    public static IReadOnlyList<GravityFlow> Parse(TextReader reader, string fileName) => Parse(reader, fileName, MaxSize);

    internal static IReadOnlyList<GravityFlow> Parse(TextReader reader, string fileName, long maxChars)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);

        var errors = new List<InputError>();
        var malformedLines = new HashSet<long>();
        // The damaged record itself is reported and dropped below.
        var options = StrictCsv.Options(record =>
        {
            malformedLines.Add(record.LineNumber);
            errors.Add(new InputError(fileName, (int)record.LineNumber, null, $"row {record.RecordNumber - 1}",
                $"malformed quoting ({record.Reason}): {record.RawRecord}"));
        });

        var flows = new List<GravityFlow>();
        var locations = new List<FlowLocation>();
        var unreadableValues = new HashSet<int>();
        try
        {
            using var csv = CsvReader.Create(new BoundedTextReader(reader, maxChars, fileName), options, leaveOpen: true);
            var columns = ResolveColumns(csv, fileName, errors);
            if (columns is not { } c)
            {
                throw new InvalidInputException(errors);
            }

            while (csv.Read())
            {
                var line = (int)csv.LineNumber;
                if (malformedLines.Contains(csv.LineNumber))
                {
                    continue;
                }

                var path = $"row {csv.RowNumber}";
                if (IsRepeatedHeader(csv, c.Header))
                {
                    errors.Add(new InputError(fileName, line, null, path, "the header appears again here (two files joined?); remove this line"));
                    continue;
                }

                var tooManyFields = csv.FieldCount > c.HeaderCount;
                if (tooManyFields)
                {
                    errors.Add(new InputError(fileName, line, c.HeaderCount + 1, path,
                        $"the row has {csv.FieldCount} fields but the header has {c.HeaderCount}: a decimal comma, or a comma inside an unquoted field?"));
                }

                var exporter = Text(csv, c.Exporter, "exporter", fileName, line, path, errors);
                var importer = Text(csv, c.Importer, "importer", fileName, line, path, errors);
                var trade = Number(csv, c.Trade, "trade", fileName, line, path, errors);
                var beta = Number(csv, c.Beta, "beta", fileName, line, path, errors);
                if (trade is null || beta is null || tooManyFields)
                {
                    unreadableValues.Add(flows.Count);
                }

                flows.Add(new GravityFlow(exporter, importer, trade ?? double.NaN, beta ?? double.NaN));
                locations.Add(new FlowLocation(line, path, c.Trade + 1, c.Beta + 1));
            }
        }
        catch (CsvFormatException e)
        {
            errors.Add(new InputError(fileName, e.LineNumber > 0 ? (int)e.LineNumber : null, null, "", e.Message));
            throw new InvalidInputException(errors);
        }

        // Matrix-level checks (values, duplicates, completeness) are shared with GeneralEquilibriumGravity.Solve.
        GravityMatrix.Build(flows, fileName, k => locations[k], unreadableValues, errors);
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }
        return flows;
    }

    private sealed record ColumnIndexes(int Exporter, int Importer, int Trade, int Beta, IReadOnlyList<string> Header)
    {
        public int HeaderCount => Header.Count;
    }

    private static ColumnIndexes? ResolveColumns(CsvReader csv, string fileName, List<InputError> errors)
    {
        csv.ReadHeader();
        var headers = csv.Headers;
        if (headers.Count == 0)
        {
            errors.Add(new InputError(fileName, null, null, "",
                $"empty file: expected a header naming the columns {string.Join(", ", RequiredColumns)}, then one row per pair"));
            return null;
        }

        var line = (int)csv.LineNumber;
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in RequiredColumns)
        {
            var matches = Enumerable.Range(0, headers.Count)
                .Where(i => string.Equals(headers[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (matches.Count == 0)
            {
                errors.Add(new InputError(fileName, line, null, name,
                    $"missing column '{name}' (the header has: {string.Join(", ", headers)})"));
            }
            else if (matches.Count > 1)
            {
                errors.Add(new InputError(fileName, line, matches[1] + 1, name,
                    $"column '{name}' appears {matches.Count} times"));
            }
            else
            {
                found[name] = matches[0];
            }
        }

        return found.Count == RequiredColumns.Count
            ? new ColumnIndexes(found["exporter"], found["importer"], found["trade"], found["beta"], headers.Select(h => h.Trim()).ToList())
            : null;
    }

    /// <summary>Whether the current row repeats the header, field for field (ignoring case and blanks).</summary>
    private static bool IsRepeatedHeader(CsvReader csv, IReadOnlyList<string> header)
    {
        if (csv.FieldCount != header.Count)
        {
            return false;
        }

        for (var i = 0; i < header.Count; i++)
        {
            if (!string.Equals(csv.GetString(i).Trim(), header[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static string Text(CsvReader csv, int index, string column, string fileName, int line, string path, List<InputError> errors)
    {
        if (index >= csv.FieldCount)
        {
            errors.Add(new InputError(fileName, line, index + 1, $"{path}.{column}", $"missing field: the row has only {csv.FieldCount} fields"));
            return "";
        }
        // An empty id is reported by GravityMatrix, which checks ids for flows from any source.
        return csv.GetString(index).Trim();
    }

    private static double? Number(CsvReader csv, int index, string column, string fileName, int line, string path, List<InputError> errors)
    {
        if (index >= csv.FieldCount)
        {
            errors.Add(new InputError(fileName, line, index + 1, $"{path}.{column}", $"missing field: the row has only {csv.FieldCount} fields"));
            return null;
        }

        var text = csv.GetString(index).Trim();
        if (text.Length == 0)
        {
            errors.Add(new InputError(fileName, line, index + 1, $"{path}.{column}", $"{column} is empty"));
            return null;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(new InputError(fileName, line, index + 1, $"{path}.{column}", $"{column} is not a number: '{text}'"));
            return null;
        }

        // "NaN", "Infinity" and overflowing numbers such as 1e999 parse; they are refused here, as written.
        // The ranges are checked by GravityMatrix, for flows from any source.
        if (!double.IsFinite(value))
        {
            errors.Add(new InputError(fileName, line, index + 1, $"{path}.{column}", $"{column} must be a finite number, got '{text}'"));
            return null;
        }
        return value;
    }

    private static InvalidInputException Single(string path, string message) =>
        new([new InputError(path, null, null, "", message)]);
}
