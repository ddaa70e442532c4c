namespace Simulation.Model.Negotiation;

/// <summary>
/// Components of one kind found by name, in declaration order (DESIGN §2 "Seams"): adding one is a
/// class and a line in its registry, never a switch to edit.
/// </summary>
public sealed class ComponentRegistry<T>
{
    private readonly Dictionary<string, ComponentEntry<T>> _byName;

    public ComponentRegistry(string kind, IEnumerable<ComponentEntry<T>> entries)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(entries);
        Kind = kind;
        Entries = [.. entries];
        _byName = Entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
    }

    /// <summary>What the registry holds, for messages: "bidding strategy".</summary>
    public string Kind { get; }

    public IReadOnlyList<ComponentEntry<T>> Entries { get; }

    public IEnumerable<string> Names => Entries.Select(e => e.Name);

    public ComponentEntry<T>? Find(string name) => _byName.GetValueOrDefault(name);

    public ComponentEntry<T> this[string name] =>
        Find(name) ?? throw new ArgumentException($"Unknown {Kind} {name} (known: {string.Join(", ", Names)}).", nameof(name));

    /// <summary>A component from settings; parameters the settings omit take their defaults.</summary>
    public T Create(ComponentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var entry = this[settings.Type];
        var complete = entry.Complete(settings.Parameters);
        foreach (var parameter in entry.Parameters)
        {
            if (!complete.Parameters.TryGetValue(parameter.Name, out var value))
            {
                throw new ArgumentException($"{Kind} {entry.Name} needs {parameter.Name}.", nameof(settings));
            }

            if (!parameter.Contains(value))
            {
                throw new ArgumentOutOfRangeException(nameof(settings), value, $"{entry.Name}: {parameter.Name} lies in [{parameter.Min}, {parameter.Max}].");
            }
        }

        return entry.Create(complete);
    }
}
