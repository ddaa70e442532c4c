using System.Globalization;
using Simulation.Model.Numerics;

namespace Simulation.Client.Output;

/// <summary>Numbers rounded for a person to read; JSON keeps every digit.</summary>
public static class Numbers
{
    public const string Money = "#,##0.00";
    public const string Utility = "0.000";
    public const string Tariff = "0.##";
    public const string Share = "0.0%";

    /// <summary>
    /// Formats invariantly; a value that rounds to zero prints as 0, never -0. A value that is not
    /// finite is never printed: the models fail before returning one, and should one slip through,
    /// the command fails (exit 1) rather than show "NaN" or "∞" in a table. Tables are built before
    /// anything is written, so nothing is printed at all.
    /// </summary>
    /// <exception cref="NonFiniteResultException"><paramref name="value"/> is NaN or an infinity.</exception>
    public static string Format(double value, string format)
    {
        if (!double.IsFinite(value))
        {
            throw new NonFiniteResultException(
                $"a result is not a finite number (it is {NonFinite.Describe(value)}); nothing was printed. " +
                "The inputs passed validation, so this is a defect: please report it with the input files.");
        }

        var text = value.ToString(format, CultureInfo.InvariantCulture);
        return text.TrimStart('-').Trim('0', '.', ',').Length == 0 ? text.TrimStart('-') : text;
    }
}
