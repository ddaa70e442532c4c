using System.Globalization;

namespace Simulation.Client.Output;

/// <summary>Numbers rounded for a person to read; JSON keeps every digit.</summary>
public static class Numbers
{
    public const string Money = "#,##0.00";
    public const string Utility = "0.000";
    public const string Tariff = "0.##";

    /// <summary>Formats invariantly; a value that rounds to zero prints as 0, never -0.</summary>
    public static string Format(double value, string format)
    {
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        return text.TrimStart('-').Trim('0', '.', ',').Length == 0 ? text.TrimStart('-') : text;
    }
}
