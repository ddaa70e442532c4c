using System.Collections;

namespace Simulation.Model.Scenarios;

/// <summary>
/// A read-only map from ids (countries, sectors) to values, in the order of the file, compared by
/// content. Scenario records hold these (elasticity overrides, lobby and partner weights), and
/// records are compared by value, so two loads of the same file give equal records; a plain
/// dictionary would compare by reference.
/// </summary>
public sealed class IdMap<TValue> : IReadOnlyDictionary<string, TValue>, IEquatable<IdMap<TValue>>
{
    private readonly IReadOnlyList<KeyValuePair<string, TValue>> _entries;
    private readonly Dictionary<string, TValue> _byId;

    /// <param name="entries">Distinct ids with their values; the order is kept.</param>
    public IdMap(IEnumerable<KeyValuePair<string, TValue>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = entries.ToList();
        _byId = new Dictionary<string, TValue>(_entries.Count, StringComparer.Ordinal);
        foreach (var (id, value) in _entries)
        {
            if (!_byId.TryAdd(id, value))
            {
                throw new ArgumentException($"The id {id} appears twice.", nameof(entries));
            }
        }
    }

    public static IdMap<TValue> Empty { get; } = new([]);

    public int Count => _entries.Count;

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    public IEnumerable<TValue> Values => _entries.Select(e => e.Value);

    public TValue this[string key] => _byId[key];

    public bool ContainsKey(string key) => _byId.ContainsKey(key);

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value) =>
        _byId.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Equal when both hold the same ids with equal values, whatever the order.</summary>
    public bool Equals(IdMap<TValue>? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        var comparer = EqualityComparer<TValue>.Default;
        foreach (var (id, value) in _entries)
        {
            if (!other._byId.TryGetValue(id, out var theirs) || !comparer.Equals(value, theirs))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as IdMap<TValue>);

    /// <summary>Order-independent, like <see cref="Equals(IdMap{TValue}?)"/>.</summary>
    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var (id, value) in _entries)
        {
            hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(id), value);
        }

        return hash;
    }

    public override string ToString() => "{" + string.Join(", ", _entries.Select(e => $"{e.Key}: {e.Value}")) + "}";
}
