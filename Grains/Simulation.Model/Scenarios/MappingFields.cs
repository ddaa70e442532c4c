namespace Simulation.Model.Scenarios;

/// <summary>
/// The keys of one mapping of the scenario format: reports unknown keys (with the keys allowed
/// there) when opened, and missing ones when asked for, so that each reader only states its keys.
/// </summary>
internal sealed class MappingFields
{
    private readonly YamlMapping _mapping;
    private readonly InputErrorList _errors;

    private MappingFields(YamlMapping mapping, string path, InputErrorList errors)
    {
        _mapping = mapping;
        _errors = errors;
        Path = path;
    }

    public string Path { get; }

    public YamlNode Node => _mapping;

    /// <summary>
    /// Opens <paramref name="field"/> as a mapping allowing <paramref name="allowedKeys"/>; null
    /// (with an error naming <paramref name="what"/>) when it is not a mapping.
    /// </summary>
    public static MappingFields? Open(YamlField field, InputErrorList errors, string what, IReadOnlyList<string> allowedKeys)
    {
        if (field.Node is not YamlMapping mapping)
        {
            errors.Add(field.Node, field.Path, $"{what} must be a mapping, got {field.Node.Describe()}");
            return null;
        }

        foreach (var entry in mapping.Entries)
        {
            if (!allowedKeys.Contains(entry.Key.Value, StringComparer.Ordinal))
            {
                var hint = Suggestion.Closest(entry.Key.Value, allowedKeys) is { } closest ? $"; did you mean '{closest}'?" : "";
                errors.Add(entry.Key, DocumentPath.Key(field.Path, entry.Key.Value),
                    $"unknown key {Quoted.Text(entry.Key.Value)} (expected one of: {string.Join(", ", allowedKeys)}){hint}");
            }
        }

        return new MappingFields(mapping, field.Path, errors);
    }

    public bool Has(string key) => _mapping.Find(key) is not null;

    public YamlField? Optional(string key) =>
        _mapping.Find(key) is { } entry ? new YamlField(entry.Value, DocumentPath.Key(Path, key)) : null;

    public YamlField? Required(string key)
    {
        var field = Optional(key);
        if (field is null)
        {
            _errors.Add(_mapping, DocumentPath.Key(Path, key), $"missing required key '{key}'");
        }

        return field;
    }
}
