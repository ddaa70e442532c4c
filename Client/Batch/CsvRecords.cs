using System.Text;

namespace Simulation.Client.Batch;

/// <summary>
/// Reads the records of an RFC 4180 file one at a time (a batch's files can be large, so none is
/// read whole): fields split at commas, quoted fields unquoted (a doubled quote is one quote, and a
/// quoted field may hold commas and line breaks), records ending in CRLF or LF.
/// </summary>
internal static class CsvRecords
{
    public static IEnumerable<string[]> Read(TextReader reader) => ReadLines(reader).Select(r => r.Fields);

    /// <summary>
    /// The records with the line each starts on (from 1) and whether it ended in a line break (a
    /// last record without one is a line a writer did not finish).
    /// </summary>
    public static IEnumerable<(int Line, string[] Fields, bool Ended)> ReadLines(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var line = 1;
        var start = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (!any)
            {
                start = line;
            }

            any = true;
            if (c == '\n')
            {
                line++;
            }

            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append((char)c);
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
            else if (c == '\r' && reader.Peek() == '\n')
            {
                // The LF ends the record.
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                yield return (start, [.. fields], true);
                fields.Clear();
                any = false;
            }
            else
            {
                field.Append((char)c);
            }
        }

        if (any)
        {
            fields.Add(field.ToString());
            yield return (start, [.. fields], false);
        }
    }
}
