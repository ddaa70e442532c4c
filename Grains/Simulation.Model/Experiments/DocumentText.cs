using System.Globalization;
using System.Text;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Experiments;

/// <summary>
/// Writes a scenario document back as text, so that a run with values put in can be sent where
/// only text goes (a run grain takes the scenario's text): YAML in flow style, the form JSON also
/// has. A plain scalar stays plain, so a number, a boolean, a null or <c>infinite</c> reads back as
/// it was; one holding a character that flow style gives a meaning to (<c>, [ ] { } # :</c> or a
/// quote) is written double-quoted, which the loader reads as the same text. Aliases are written
/// out in full. Comments and positions are not kept: errors were reported on the original file.
/// </summary>
internal static class DocumentText
{
    public static string Write(YamlNode root)
    {
        var text = new StringBuilder();
        Write(text, root);
        return text.Append('\n').ToString();
    }

    private static void Write(StringBuilder text, YamlNode node)
    {
        switch (node)
        {
            case YamlMapping mapping:
                text.Append('{');
                for (var i = 0; i < mapping.Entries.Count; i++)
                {
                    text.Append(i == 0 ? "" : ", ");
                    Quoted(text, mapping.Entries[i].Key.Value);
                    text.Append(": ");
                    Write(text, mapping.Entries[i].Value);
                }

                text.Append('}');
                break;
            case YamlSequence sequence:
                text.Append('[');
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    text.Append(i == 0 ? "" : ", ");
                    Write(text, sequence.Items[i]);
                }

                text.Append(']');
                break;
            case YamlScalar { IsNull: true }:
                text.Append("null");
                break;
            case YamlScalar { IsPlain: true } plain when IsSafePlain(plain.Value):
                text.Append(plain.Value);
                break;
            case YamlScalar scalar:
                Quoted(text, scalar.Value);
                break;
            default:
                throw new InvalidOperationException($"a document node of an unknown kind: {node.GetType().Name}");
        }
    }

    private static bool IsSafePlain(string value) =>
        value.Length > 0 && value.Trim() == value && value.AsSpan().IndexOfAny(",[]{}#:\"'\r\n\t\\") < 0
        && value[0] is not ('-' or '?' or '!' or '&' or '*' or '|' or '>' or '%' or '@' or '`') || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static void Quoted(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                < ' ' => text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => text.Append(c),
            };
        }

        text.Append('"');
    }
}
