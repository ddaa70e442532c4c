using System.Globalization;

namespace Simulation.Model.Scenarios.Events;

/// <summary>
/// The bound a <c>when:</c> condition compares a number with (DESIGN §5.1): strictly below or strictly
/// above <paramref name="Value"/>, so a number equal to the bound does not meet it. <paramref name="Key"/>
/// is the key it was written with (<c>below</c>, <c>quota_above</c>, <c>change_below</c>, …), which
/// says what the number is.
/// </summary>
public sealed record Threshold(string Key, double Value)
{
    /// <summary>Whether the bound is an upper one (<c>…above</c>): the number must exceed it.</summary>
    public bool IsAbove => Key.EndsWith("above", StringComparison.Ordinal);

    public bool IsMetBy(double number) => IsAbove ? number > Value : number < Value;

    /// <summary>The bound in words: <c>above 25</c>.</summary>
    public string Text => $"{(IsAbove ? "above" : "below")} {Show(Value)}";

    /// <summary>A number as conditions word it: at most four decimals, invariant, so the words are the same everywhere.</summary>
    public static string Show(double number) => number.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads exactly one of <paramref name="keys"/> (a condition's bounds), each a number in
    /// <paramref name="range"/>; null, with an error naming the keys, when none or several are written
    /// or the number is refused.
    /// </summary>
    internal static Threshold? Read(MappingFields fields, InputErrorList errors, IReadOnlyList<string> keys, Func<string, NumberRange> range)
    {
        var written = keys.Where(fields.Has).ToList();
        if (written.Count == 0)
        {
            errors.Add(fields.Node, fields.Path, $"a condition needs one bound: {string.Join(" or ", keys)}");
            return null;
        }

        if (written.Count > 1)
        {
            var second = fields.Optional(written[1])!.Value;
            errors.Add(second.Node, second.Path, $"a condition has one bound: {string.Join(" or ", keys)}, not both {written[0]} and {written[1]}");
            return null;
        }

        var key = written[0];
        return ScalarReader.InRange(fields.Optional(key)!.Value, errors, range(key)) is { } value ? new Threshold(key, value) : null;
    }
}
