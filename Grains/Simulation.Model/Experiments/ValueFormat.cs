using System.Globalization;
using System.Text.RegularExpressions;

namespace Simulation.Model.Experiments;

/// <summary>How numbers are read from and written into a scenario document: plain decimals, as the loader reads them.</summary>
internal static partial class ValueFormat
{
    /// <summary>A decimal number as the loader accepts it (no NaN, infinities or hexadecimal).</summary>
    public static bool IsNumber(string text) => DecimalNumber().IsMatch(text);

    /// <summary>Reads a decimal number, or null.</summary>
    public static double? Number(string text) =>
        IsNumber(text) && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : null;

    /// <summary>The shortest text that reads back as exactly <paramref name="value"/>.</summary>
    public static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalNumber();
}
