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

    /// <summary>
    /// An integer in [<paramref name="min"/>, <paramref name="max"/>]. Integral values written as
    /// 2.0 or 1e3 are accepted, as JSON Schema does; 2.5 is not. The written decimal is read exactly
    /// (<see cref="ExactInteger"/>), never through a double, so <c>1e16</c> and
    /// <c>10000000000000000</c> are the same integer, and one out of range is refused with the same
    /// message whichever way it is written.
    /// </summary>
    public static long? Integer(YamlField field, InputErrorList errors, long min = long.MinValue, long max = long.MaxValue)
    {
        if (field.Node is not YamlScalar { IsPlain: true, IsNull: false } scalar || !DecimalNumber().IsMatch(scalar.Value))
        {
            // Not a number at all: the number reader says why (quoted, NaN, a word).
            Number(field, errors, "an integer");
            return null;
        }

        var exact = ExactInteger.Parse(scalar.Value);
        if (exact is null)
        {
            errors.Add(field.Node, field.Path, $"expected an integer, got {Quoted.Short(scalar.Value)}");
            return null;
        }

        if (exact < min || exact > max)
        {
            var range = max == long.MaxValue && min != long.MinValue && exact <= max ? $"at least {min}" : $"from {min} to {max}";
            errors.Add(field.Node, field.Path, $"must be an integer {range}, got {Quoted.Short(scalar.Value)}");
            return null;
        }

        return (long)exact.Value;
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
}
