using System.Buffers;
using System.Globalization;
using System.Text;

namespace Simulation.Model.Experiments;

/// <summary>
/// A place in a scenario document (DESIGN §6.5), written as the paths in error messages are:
/// keys joined by dots and list items in brackets, either by position from 0 or by their
/// <c>id</c>: <c>countries.CAN.strategy.e</c>, <c>sectors.canola_oil.demand_elasticity</c>,
/// <c>trade[3].tariff</c>, <c>events[0].round</c>, <c>negotiations[CAN-IDN].rounds</c>.
/// </summary>
/// <remarks>
/// Grammar: <c>path := key selector* ('.' key selector*)*</c>, <c>key := [A-Za-z0-9_-]+</c>,
/// <c>selector := '[' digits ']' | '[' id ']'</c> with <c>id := [A-Za-z0-9_.-]+</c> not all digits
/// (all digits is a position). This is the set of paths the loader's errors print for keys made of
/// those characters, so a path copied from an error message addresses the value it named.
/// </remarks>
public sealed class ScenarioPath : IEquatable<ScenarioPath>
{
    private static readonly SearchValues<char> s_keyChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");

    private static readonly SearchValues<char> s_idChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.");

    private ScenarioPath(IReadOnlyList<PathStep> steps, string text)
    {
        Steps = steps;
        Text = text;
    }

    public IReadOnlyList<PathStep> Steps { get; }

    /// <summary>The path as written in canonical form (the same text it was parsed from).</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>; null with <paramref name="error"/> saying what is wrong.</summary>
    public static ScenarioPath? TryParse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var steps = new List<PathStep>();
        var at = 0;
        var expectKey = true;
        while (at < text.Length)
        {
            if (expectKey)
            {
                var end = at;
                while (end < text.Length && s_keyChars.Contains(text[end]))
                {
                    end++;
                }

                if (end == at)
                {
                    error = at == text.Length || text[at] is '.' or '['
                        ? $"a key is missing at character {at + 1}"
                        : $"the character '{text[at]}' at {at + 1} cannot be in a key (letters, digits, _ and -)";
                    return null;
                }

                steps.Add(PathStep.OfKey(text[at..end]));
                at = end;
                expectKey = false;
                continue;
            }

            if (text[at] == '.')
            {
                at++;
                expectKey = true;
                if (at == text.Length)
                {
                    error = "the path ends with '.'";
                    return null;
                }

                continue;
            }

            if (text[at] != '[')
            {
                error = $"expected '.' or '[' at character {at + 1}, found '{text[at]}'";
                return null;
            }

            var close = text.IndexOf(']', at);
            if (close < 0)
            {
                error = $"the '[' at character {at + 1} is not closed";
                return null;
            }

            var inside = text[(at + 1)..close];
            if (inside.Length == 0 || inside.AsSpan().ContainsAnyExcept(s_idChars))
            {
                error = $"'[{inside}]' is neither a position (0, 1, ...) nor an id";
                return null;
            }

            if (inside.All(char.IsAsciiDigit))
            {
                if (!int.TryParse(inside, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    error = $"the position [{inside}] is too large";
                    return null;
                }

                steps.Add(PathStep.OfIndex(index));
            }
            else
            {
                steps.Add(PathStep.OfId(inside));
            }

            at = close + 1;
        }

        if (steps.Count == 0)
        {
            error = "the path is empty";
            return null;
        }

        return new ScenarioPath(steps, Show(steps, steps.Count));
    }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">It is not a path.</exception>
    public static ScenarioPath Parse(string text) =>
        TryParse(text, out var error) ?? throw new FormatException($"'{text}' is not a scenario path: {error}");

    /// <summary>The first <paramref name="count"/> steps as text, for messages about where a walk stopped.</summary>
    public static string Show(IReadOnlyList<PathStep> steps, int count)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var step = steps[i];
            _ = step.Kind switch
            {
                PathStepKind.Key => text.Append(text.Length == 0 ? "" : ".").Append(step.Key),
                PathStepKind.Index => text.Append('[').Append(step.Index.ToString(CultureInfo.InvariantCulture)).Append(']'),
                _ => text.Append('[').Append(step.Key).Append(']'),
            };
        }

        return text.ToString();
    }

    public bool Equals(ScenarioPath? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ScenarioPath);

    // Deterministic (DESIGN §5.2): no string.GetHashCode.
    public override int GetHashCode() => (int)Determinism.StableHash.Of(Text);

    public override string ToString() => Text;
}
