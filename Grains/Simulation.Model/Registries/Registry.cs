namespace Simulation.Model.Registries;

/// <summary>
/// The parts of one kind a scenario can name (DESIGN §2 "Seams"), in declaration order: that order is
/// the order of help, error messages, <c>tradesim list</c> and the schema. Adding a part is its class
/// and one line in its registry, never a switch to edit. Names are compared ordinally (DESIGN §5.2).
/// </summary>
public sealed class Registry<TEntry>
    where TEntry : class, IRegistryEntry
{
    private readonly Dictionary<string, int> _ordinals;

    /// <param name="kind">What the registry holds, for messages: "bidding strategy".</param>
    /// <param name="entries">The entries, in the order they are listed.</param>
    /// <param name="defaultName">The entry a scenario gets when it names none, if there is one.</param>
    public Registry(string kind, IEnumerable<TEntry> entries, string? defaultName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(entries);
        Kind = kind;
        Entries = [.. entries];
        _ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Entries.Count; i++)
        {
            var entry = Entries[i];
            if (string.IsNullOrEmpty(entry.Name) || !_ordinals.TryAdd(entry.Name, i))
            {
                throw new ArgumentException($"Every {kind} needs a name of its own; '{entry.Name}' is empty or repeated.", nameof(entries));
            }

            if (entry.Description.Length == 0 || entry.Description.Contains('\n', StringComparison.Ordinal))
            {
                throw new ArgumentException($"{kind} '{entry.Name}' needs a one-line description.", nameof(entries));
            }
        }

        Names = [.. Entries.Select(e => e.Name)];
        Default = defaultName is null ? null : this[defaultName];
    }

    /// <summary>What the registry holds, for messages: "bidding strategy".</summary>
    public string Kind { get; }

    public IReadOnlyList<TEntry> Entries { get; }

    /// <summary>The names, in declaration order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The entry a scenario gets when it names none; null when a scenario must name one.</summary>
    public TEntry? Default { get; }

    public bool Contains(string name) => _ordinals.ContainsKey(name);

    /// <summary>The entry named <paramref name="name"/>, or null.</summary>
    public TEntry? Find(string name) => _ordinals.TryGetValue(name, out var i) ? Entries[i] : null;

    /// <summary>The entry's position in declaration order, or -1.</summary>
    public int OrdinalOf(string name) => _ordinals.GetValueOrDefault(name, -1);

    /// <summary>The entry named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No entry has that name; the message lists the known ones.</exception>
    public TEntry this[string name] => Find(name) ?? throw new ArgumentException(Unknown(name), nameof(name));

    /// <summary>The message for a name no entry has: <c>protocol 'auction' is unknown (available: …)</c>.</summary>
    public string Unknown(string name) => $"{Kind} '{name}' is unknown (available: {string.Join(", ", Names)})";
}
