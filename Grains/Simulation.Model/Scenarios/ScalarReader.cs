using System.Globalization;
using System.Text.RegularExpressions;

namespace Simulation.Model.Scenarios;

/// <summary>
/// Reads scalar values by the YAML 1.2 JSON-compatible rules, stricter than YAML 1.1: only plain
/// <c>true</c>/<c>false</c> are booleans (no <c>yes</c>, no <c>NO</c> for Norway), only plain decimal
/// numbers are numbers (no <c>.inf</c>, <c>.nan</c>, <c>0x1F</c>), and quoted scalars are always text.
/// Each method reports what is wrong and returns null, so callers just skip a bad value.
/// </summary>
internal static partial class ScalarReader
{
    /// <summary>Largest integer a double holds exactly; integers written as 1e3 or 2.0 are read through a double.</summary>
    private const double MaxExactInteger = 9_007_199_254_740_992d;

    public static string? Text(YamlField field, InputErrorList errors)
    {
        if (field.Node is YamlScalar { IsNull: false } scalar)
        {
            return scalar.Value;
        }

        errors.Add(field.Node, field.Path, $"expected text, got {field.Node.Describe()}");
        return null;
    }

    /// <summary>Like <see cref="Text"/>, and refuses text that is empty or only blanks.</summary>
    public static string? NonEmptyText(YamlField field, InputErrorList errors)
    {
        var text = Text(field, errors);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field.Node, field.Path, "must not be empty");
            return null;
        }

        return text;
    }

    public static bool? Boolean(YamlField field, InputErrorList errors)
    {
        if (field.Node is YamlScalar { IsPlain: true, Value: "true" })
        {
            return true;
        }

        if (field.Node is YamlScalar { IsPlain: true, Value: "false" })
        {
            return false;
        }

        errors.Add(field.Node, field.Path, $"expected true or false, got {Describe(field.Node)}");
        return null;
    }

    /// <summary>A finite number.</summary>
    public static double? Number(YamlField field, InputErrorList errors) => Number(field, errors, "a number");

    private static double? Number(YamlField field, InputErrorList errors, string expected)
    {
        if (field.Node is not YamlScalar { IsPlain: true, IsNull: false } scalar)
        {
            errors.Add(field.Node, field.Path, $"expected {expected}, got {Describe(field.Node)}");
            return null;
        }

        if (!DecimalNumber().IsMatch(scalar.Value))
        {
            var hint = LooksNonFinite(scalar.Value) ? " (NaN and infinities are not allowed)" : "";
            errors.Add(field.Node, field.Path, $"expected {expected}, got {scalar.Describe()}{hint}");
            return null;
        }

        var value = double.Parse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            errors.Add(field.Node, field.Path, $"the number {Quoted.Short(scalar.Value)} is too large");
            return null;
        }

        return value;
    }

    /// <summary>
    /// A number in <paramref name="range"/>. Out of it, the message states the range, echoes the number
    /// as written and, beyond the bounds, says why they are there.
    /// </summary>
    public static double? InRange(YamlField field, InputErrorList errors, NumberRange range)
    {
        var value = Number(field, errors);
        if (value is { } v && !range.Contains(v))
        {
            var written = field.Node is YamlScalar scalar ? Quoted.Short(scalar.Value) : Show(v);
            var hint = range.Hint(v);
            errors.Add(field.Node, field.Path, $"must be {range.Text}, got {written}{(hint.Length > 0 ? $" ({hint})" : "")}");
            return null;
        }

        return value;
    }

    private static string OutsideLongRange(string written) =>
        $"the integer {Quoted.Short(written)} is outside the range of 64-bit integers, {long.MinValue} to {long.MaxValue}";

    /// <summary>
    /// An integer in [<paramref name="min"/>, <paramref name="max"/>]. Integral values written as
    /// 2.0 or 1e3 are accepted, as JSON Schema does; 2.5 is not.
    /// </summary>
    public static long? Integer(YamlField field, InputErrorList errors, long min = long.MinValue, long max = long.MaxValue)
    {
        long value;
        if (field.Node is YamlScalar { IsPlain: true } scalar && Digits().IsMatch(scalar.Value))
        {
            if (!long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
            {
                errors.Add(field.Node, field.Path, OutsideLongRange(scalar.Value));
                return null;
            }
        }
        else if (field.Node is YamlScalar { IsPlain: true } written
            && decimal.TryParse(written.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            // Read as written, exactly (decimal holds 28 digits): 1e16 is the integer
            // 10000000000000000 written in digits, whatever a double would make of it.
            if (decimal.Truncate(exact) != exact)
            {
                errors.Add(field.Node, field.Path, $"expected an integer, got {Quoted.Short(written.Value)}");
                return null;
            }

            if (exact < long.MinValue || exact > long.MaxValue)
            {
                errors.Add(field.Node, field.Path, OutsideLongRange(written.Value));
                return null;
            }

            value = (long)exact;
        }
        else
        {
            var number = Number(field, errors, "an integer");
            if (number is not { } n)
            {
                return null;
            }

            if (Math.Floor(n) != n)
            {
                errors.Add(field.Node, field.Path, $"expected an integer, got {Show(n)}");
                return null;
            }

            if (Math.Abs(n) > MaxExactInteger)
            {
                errors.Add(field.Node, field.Path, $"the integer {Show(n)} is too large");
                return null;
            }

            value = (long)n;
        }

        if (value < min || value > max)
        {
            var range = max == long.MaxValue ? $"at least {min}" : $"from {min} to {max}";
            errors.Add(field.Node, field.Path, $"must be an integer {range}, got {value}");
            return null;
        }

        return value;
    }

    /// <summary>Formats a number for messages, as short as round-tripping allows.</summary>
    public static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Like <see cref="YamlNode.Describe"/>, and says when quotes made a value text.</summary>
    private static string Describe(YamlNode node) =>
        node is YamlScalar { IsPlain: false } scalar ? $"the quoted text {scalar.Describe()}" : node.Describe();

    private static bool LooksNonFinite(string text) =>
        text.TrimStart('+', '-', '.').ToLowerInvariant() is "inf" or "infinity" or "nan" or "infinite";

    [GeneratedRegex(@"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalNumber();

    [GeneratedRegex(@"^[-+]?[0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();
}
