using System.Text;
using System.Text.RegularExpressions;

namespace Simulation.Model.Scenarios;

/// <summary>
/// What ids may look like. Country ids are ISO-like codes (CAN, ROW, EU27); sector and negotiation
/// ids are names (canola_oil, CAN-IDN, 1514). Both exclude blanks and the '*' that event filters
/// use as a wildcard, and both are bounded in length.
/// </summary>
internal static partial class ScenarioIds
{
    public static bool IsCountryId(string id) => id.Length <= ScenarioLimits.MaxIdLength && CountryId().IsMatch(id);

    public static bool IsName(string id) => id.Length <= ScenarioLimits.MaxIdLength && Name().IsMatch(id);

    /// <summary>
    /// Names of discrete issues and of their values: text as people write it ("Delivery time",
    /// "60 days"), since imported GENIUS domains keep their names, and GENIUS takes any text (ANAC's
    /// Acquisition domain has values of 67 characters and values ending in a blank; an empty value is
    /// text too). Bounded, and without control characters, so that it prints on one line; printed
    /// outcomes quote a label that could be misread (<see cref="LabelText"/>).
    /// </summary>
    public static bool IsLabel(string text) =>
        text.Length <= ScenarioLimits.MaxLabelLength && !text.Any(char.IsControl);

    public const string LabelRule = "text of at most 1,024 characters, without control characters";

    public const string CountryIdRule = "1 to 64 ASCII letters and digits, like CAN or ROW";

    public const string NameRule = "1 to 64 ASCII letters, digits, '_', '-' and '.', starting with a letter, digit or '_'";

    /// <summary>Why <paramref name="id"/> is not a country id, and what to use instead.</summary>
    public static string CountryIdProblem(string id) => Problem(id, CountryIdRule, char.IsAsciiLetterOrDigit);

    /// <summary>Why <paramref name="id"/> is not a sector or negotiation name, and what to use instead.</summary>
    public static string NameProblem(string id) => Problem(id, NameRule, c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    /// <summary>
    /// Names what breaks the rule (the length, the first character the rule does not allow, or a
    /// name's first character), so that "é" or a 65th letter is not left for the reader to find.
    /// </summary>
    private static string Problem(string id, string rule, Func<char, bool> allowed)
    {
        var reasons = new List<string>();
        if (id.Length > ScenarioLimits.MaxIdLength)
        {
            reasons.Add($"it is {id.Length} characters long, above the limit of {ScenarioLimits.MaxIdLength}");
        }

        var found = false;
        foreach (var rune in id.EnumerateRunes())
        {
            if (rune.IsBmp && allowed((char)rune.Value))
            {
                continue;
            }

            var code = $"U+{rune.Value:X4}";
            reasons.Add(rune.Value > 0x7f ? $"it holds {Quoted.Text(rune.ToString())} ({code}), which is not an ASCII character"
                : Rune.IsControl(rune) ? $"it holds the control character {code}"
                : rune.Value == ' ' ? "it holds a blank"
                : $"it holds '{(char)rune.Value}'");
            found = true;
            break;
        }

        if (!found && id.Length > 0 && id[0] is '-' or '.')
        {
            reasons.Add($"it starts with '{id[0]}'");
        }

        return reasons.Count == 0 ? $"use {rule}" : $"{string.Join(" and ", reasons)}; use {rule}";
    }

    [GeneratedRegex(@"^[A-Za-z0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex CountryId();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.\-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
