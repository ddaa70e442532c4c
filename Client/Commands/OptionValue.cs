using System.Globalization;
using System.Text.RegularExpressions;
using Spectre.Console;

namespace Simulation.Client.Commands;

/// <summary>
/// Values typed after an option, read by the rules of the scenario file (DESIGN §6.1) rather than
/// by whatever a type converter accepts: integers in decimal digits (no 0x10, no 1e3), numbers with
/// a '.' whatever the machine's culture. A value that does not fit is reported with the option and
/// the value as typed.
/// </summary>
public static partial class OptionValue
{
    /// <summary>Longest value echoed whole; none that an option takes is longer.</summary>
    private const int MaxShown = 64;

    /// <summary>
    /// The usage error for <paramref name="option"/> given <paramref name="value"/>; a value longer
    /// than 64 characters is echoed cut, with its length, as text from a scenario file is, so that a
    /// pasted megabyte does not become the message.
    /// </summary>
    public static ValidationResult Error(string option, string? value, string problem) =>
        ValidationResult.Error($"{option} '{(value is null ? null : Output.TerminalText.Safe(Cut(value)))}': {problem}");

    private static string Cut(string value)
    {
        if (value.Length <= MaxShown)
        {
            return value;
        }

        // Not between the two halves of a surrogate pair.
        var keep = char.IsHighSurrogate(value[MaxShown - 4]) ? MaxShown - 4 : MaxShown - 3;
        return $"{value[..keep]}... ({value.Length} characters)";
    }

    /// <summary>An integer in decimal digits with an optional sign, within 64 bits, or null.</summary>
    public static long? Integer(string text) =>
        DecimalDigits().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>A finite decimal number ("4", "6.5", "1e-3"; never "4,5", NaN or infinity), or null.</summary>
    public static double? Number(string text) =>
        DecimalNumber().IsMatch(text) && double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) is var value && double.IsFinite(value)
            ? value
            : null;

    /// <summary>
    /// A duration: a decimal number of seconds, optionally followed by "s", or of milliseconds
    /// followed by "ms" ("15", "15s", "2.5s", "500ms"), or null.
    /// </summary>
    public static TimeSpan? Duration(string text)
    {
        var match = DurationText().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var amount = double.Parse(match.Groups["amount"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value == "ms" ? TimeSpan.FromMilliseconds(amount) : TimeSpan.FromSeconds(amount);
    }

    /// <summary>A duration as it would be typed: "15s", "500ms".</summary>
    public static string Show(TimeSpan duration) =>
        duration.TotalMilliseconds < 1000 || duration.Milliseconds != 0
            ? $"{duration.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms"
            : $"{duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s";

    [GeneratedRegex(@"^[-+]?[0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalDigits();

    // The scenario file's number syntax (ScalarReader): sign, digits, an optional fraction and exponent.
    [GeneratedRegex(@"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalNumber();

    [GeneratedRegex(@"^(?<amount>[0-9]{1,9}(?:\.[0-9]{1,6})?)(?<unit>ms|s)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DurationText();
}
