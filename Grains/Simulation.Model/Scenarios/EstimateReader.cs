namespace Simulation.Model.Scenarios;

/// <summary>
/// Reads <c>estimate:</c> beside the numbers of one mapping (a trade flow, a row of domestic
/// sales, a sector or one of its markets): for each number it names, the range
/// <c>{ low, high }</c> the number is believed to lie in. A YAML comment is for people; this mark
/// is what a sensitivity analysis draws from.
/// </summary>
internal static class EstimateReader
{
    public const string Key = "estimate";

    private static readonly string[] s_rangeKeys = ["low", "high"];

    /// <summary>
    /// One number of the mapping that may be marked: its key, its range, and its value as read
    /// (null when missing or invalid, already reported); <paramref name="NotANumber"/> says why a
    /// value that was read cannot be drawn (infinite supply).
    /// </summary>
    public readonly record struct Estimable(string Key, NumberRange Range, double? Value, string? NotANumber = null);

    public static void Read(MappingFields fields, string what, ScenarioWorld world, InputErrorList errors, params Estimable[] estimable)
    {
        if (fields.Optional(Key) is not { } field)
        {
            return;
        }

        var keys = estimable.Select(e => e.Key).ToArray();
        if (field.Node is not YamlMapping mapping)
        {
            errors.Add(field.Node, field.Path,
                $"estimate must be a mapping from a number of {what} ({string.Join(", ", keys)}) to its range {{ low, high }}, got {field.Node.Describe()}");
            return;
        }

        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key.Value;
            var path = DocumentPath.Key(field.Path, key);
            var number = Array.FindIndex(keys, k => k == key);
            if (number < 0)
            {
                var hint = Suggestion.Closest(key, keys) is { } closest ? $"; did you mean '{closest}'?" : "";
                errors.Add(entry.Key, path, $"{Quoted.Text(key)} cannot be marked as an estimate here (numbers of {what}: {string.Join(", ", keys)}){hint}");
                continue;
            }

            ReadRange(new YamlField(entry.Value, path), estimable[number], fields, world, errors);
        }
    }

    private static void ReadRange(YamlField field, Estimable number, MappingFields fields, ScenarioWorld world, InputErrorList errors)
    {
        var range = MappingFields.Open(field, errors, $"the estimate of {number.Key}", s_rangeKeys);
        if (range is null)
        {
            return;
        }

        var low = range.Required("low") is { } l ? ScalarReader.InRange(l, errors, number.Range) : null;
        var high = range.Required("high") is { } h ? ScalarReader.InRange(h, errors, number.Range) : null;
        if (!fields.Has(number.Key))
        {
            errors.Add(field.Node, field.Path, $"the estimate names {number.Key}, which is not set here; write {number.Key}: beside it");
            return;
        }

        if (number.NotANumber is { } why)
        {
            errors.Add(field.Node, field.Path, why);
            return;
        }

        if (low is not { } lo || high is not { } hi || number.Value is not { } value)
        {
            return;
        }

        if (lo > hi)
        {
            errors.Add(field.Node, field.Path, $"low {ScalarReader.Show(lo)} is above high {ScalarReader.Show(hi)}");
        }
        else if (value < lo || value > hi)
        {
            errors.Add(field.Node, field.Path,
                $"{number.Key} is {ScalarReader.Show(value)}, outside its estimate's range [{ScalarReader.Show(lo)}, {ScalarReader.Show(hi)}]");
        }
        else
        {
            world.Estimates.Add(new Estimate(DocumentPath.Key(fields.Path, number.Key), value, lo, hi));
        }
    }
}
