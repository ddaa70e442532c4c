namespace Simulation.Model.Scenarios;

/// <summary>
/// A section that maps ids to settings (<c>countries</c>, <c>sectors</c>): it must be a mapping,
/// every id must have the allowed form, and each entry is read in file order.
/// </summary>
internal static class KeyedMapping
{
    public static List<T> Read<T>(
        YamlField field,
        InputErrorList errors,
        string expected,
        (Func<string, bool> IsAllowed, string Kind, Func<string, string> Problem) id,
        Func<string, YamlField, T> readEntry)
    {
        var items = new List<T>();
        if (field.Node is not YamlMapping mapping)
        {
            errors.Add(field.Node, field.Path, $"{expected}, got {field.Node.Describe()}");
            return items;
        }

        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key.Value;
            var path = DocumentPath.Key(field.Path, key);
            if (!id.IsAllowed(key))
            {
                errors.Add(entry.Key, path, $"{id.Kind} {Quoted.Text(key)} is not allowed: {id.Problem(key)}");
            }

            items.Add(readEntry(key, new YamlField(entry.Value, path)));
        }

        return items;
    }
}
