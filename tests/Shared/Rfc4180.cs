using System.Text;

namespace Simulation.Tests.Shared;

/// <summary>
/// An RFC 4180 reader, written for the tests so that they do not trust a writer's own quoting: a
/// quoted field may hold commas, line breaks and "" for a quote; a record ends at CRLF or LF
/// outside quotes; a last record without a line break counts.
/// </summary>
internal static class Rfc4180
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i += c == '\r' ? 1 : 0;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
