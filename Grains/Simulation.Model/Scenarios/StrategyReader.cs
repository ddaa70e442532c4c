namespace Simulation.Model.Scenarios;

/// <summary>
/// Reads a strategy: a preset name (<c>linear</c>) or a map
/// <c>{ type: time-dependent, e: 0.5, k: 0.1 }</c>.
/// </summary>
internal static class StrategyReader
{
    private static readonly string[] s_keys = ["type", "e", "k"];

    /// <summary>Strategy types of DESIGN §4.4 that later work will add; named so users get "not yet" rather than "unknown".</summary>
    private static readonly string[] s_plannedTypes = ["tit-for-tat", "backward-induction", "random"];

    public static StrategySpec? Read(YamlField field, InputErrorList errors)
    {
        if (field.Node is YamlScalar { IsNull: false } scalar)
        {
            if (StrategySpec.Presets.TryGetValue(scalar.Value, out var preset))
            {
                return preset;
            }

            errors.Add(field.Node, field.Path,
                $"unknown strategy {Quoted.Text(scalar.Value)} (presets: {Listing.Of(StrategySpec.Presets.Keys.ToList())}; or a map with type, e and k)");
            return null;
        }

        var fields = MappingFields.Open(field, errors, "a strategy (a preset name or a map with type, e and k)", s_keys);
        if (fields is null)
        {
            return null;
        }

        var ok = true;
        if (fields.Required("type") is { } typeField && ScalarReader.Text(typeField, errors) is { } type)
        {
            if (type != StrategySpec.TimeDependent)
            {
                var verdict = s_plannedTypes.Contains(type, StringComparer.Ordinal) ? "is not available yet" : "is unknown";
                errors.Add(typeField.Node, typeField.Path, $"strategy type {Quoted.Text(type)} {verdict} (available: {StrategySpec.TimeDependent})");
                ok = false;
            }
        }
        else
        {
            ok = false;
        }

        var e = fields.Required("e") is { } eField ? ScalarReader.InRange(eField, errors, ScenarioRanges.ConcessionExponent) : null;

        double k = 0;
        if (fields.Optional("k") is { } kField)
        {
            if (ScalarReader.Number(kField, errors) is not { } kValue)
            {
                ok = false;
            }
            else if (kValue is < 0 or > 1)
            {
                errors.Add(kField.Node, kField.Path, $"k must be between 0 and 1, got {ScalarReader.Show(kValue)}");
                ok = false;
            }
            else
            {
                k = kValue;
            }
        }

        return ok && e is { } exponent ? new StrategySpec(StrategySpec.TimeDependent, exponent, k) : null;
    }
}
