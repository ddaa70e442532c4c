using CsvHelper;

namespace Simulation.Model.Input;

/// <summary>
/// How a user's CSV file is read: comma-separated, a header row first, fields trimmed, line numbers
/// tracked for errors. A line break always ends a record, so a stray quote cannot swallow the rest of
/// the file; a record with malformed quoting is handed to <c>onMalformed</c> to be reported, and
/// reading goes on at the next line, keeping the file's numbering.
/// </summary>
internal static class StrictCsv
{
    public static CsvReaderOptions Options(Action<CsvMalformedRecord> onMalformed) => CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        TrimWhitespace = true,
        TrackLineNumbers = true,
        AllowLineBreaksInQuotes = false,
        MaxRecordSize = 1024 * 1024,
        MalformedData = CsvMalformedDataHandling.Recover,
        OnMalformedRecord = onMalformed,
    };
}
