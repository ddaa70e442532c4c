using System.Text;

namespace Simulation.Client.Output;

/// <summary>
/// Text that came from a file or the command line, made safe to print. A scenario's name is the
/// author's to choose, and a name holding an escape sequence would retitle, recolour or clear the
/// reader's terminal (ECMA-48 OSC and CSI), and Unicode's bidirectional overrides can make printed
/// text read differently from what it is; such characters are shown spelled out (ESC as \u001b),
/// as JSON would write them. Text placed in Spectre markup is escaped as well.
/// </summary>
public static class TerminalText
{
    /// <summary><paramref name="text"/> with every control or direction-changing character spelled out.</summary>
    public static string Safe(string text)
    {
        if (!text.Any(IsUnsafe))
        {
            return text;
        }

        var shown = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsUnsafe(c))
            {
                shown.Append(@"\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                shown.Append(c);
            }
        }

        return shown.ToString();
    }

    /// <summary>Like <see cref="Safe"/> line by line: a message's own line breaks are kept.</summary>
    public static string SafeLines(string text) => string.Join('\n', text.Split('\n').Select(line => Safe(line.TrimEnd('\r'))));

    /// <summary><see cref="Safe"/> text for a place that reads Spectre markup (a table cell, a title), shown as typed.</summary>
    public static string Markup(string text) => Spectre.Console.Markup.Escape(Safe(text));

    /// <summary>
    /// C0 and C1 controls and DEL; the line and paragraph separators U+2028 and U+2029, which are
    /// line breaks to many viewers though not controls (Unicode categories Zl and Zp); the
    /// bidirectional embeddings, overrides, isolates and marks (Unicode TR #9).
    /// </summary>
    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is '\u061c' or '\u200e' or '\u200f' or '\u2028' or '\u2029' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');
}
