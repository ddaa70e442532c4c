using System.Globalization;
using System.Text;

namespace Simulation.Model.Scenarios;

/// <summary>
/// How text from the file appears in messages: quoted, cut when long, so that a hostile file
/// cannot make its error report as large as itself many times over (aliases repeat a value), and
/// with control characters spelled out (a line break as \n, others as \u000b), so that an id
/// holding a line break or an escape sequence cannot break a message into lines or drive the
/// reader's terminal.
/// </summary>
internal static class Quoted
{
    private const int MaxShown = 64;

    public static string Text(string text) => $"'{Short(text)}'";

    public static string Short(string text) => Visible(text.Length <= MaxShown ? text : string.Concat(text.AsSpan(0, MaxShown - 3), "..."));

    private static string Visible(string text)
    {
        if (!text.Any(IsLineBreakOrControl))
        {
            return text;
        }

        var shown = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            shown.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ when IsLineBreakOrControl(c) => @"\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return shown.ToString();
    }

    /// <summary>A control character, or U+2028 / U+2029, which break a line without being controls.</summary>
    private static bool IsLineBreakOrControl(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
