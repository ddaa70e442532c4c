using System.Collections.Immutable;
using System.Globalization;

namespace Simulation.Model.Negotiation;

/// <summary>
/// A negotiator component as a scenario names it: its registry name and its parameters, defaults
/// filled in. Value equality (ordinal names, exact numbers), so scenarios compare as data.
/// </summary>
public sealed class ComponentSettings : IEquatable<ComponentSettings>
{
    public ComponentSettings(string type, IEnumerable<KeyValuePair<string, double>>? parameters = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        Type = type;
        Parameters = (parameters ?? []).ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    public string Type { get; }

    public ImmutableSortedDictionary<string, double> Parameters { get; }

    /// <summary>The value of a declared parameter (defaults are filled in when settings are read or made by a registry).</summary>
    public double this[string name] =>
        Parameters.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"{Type} has no parameter {name}.");

    public bool Equals(ComponentSettings? other) =>
        other is not null
        && Type == other.Type
        && Parameters.Count == other.Parameters.Count
        && Parameters.All(p => other.Parameters.TryGetValue(p.Key, out var v) && v.Equals(p.Value));

    public override bool Equals(object? obj) => Equals(obj as ComponentSettings);

    public override int GetHashCode()
    {
        // Deterministic (DESIGN §5.2): no string.GetHashCode.
        var hash = (int)Determinism.StableHash.Of(Type);
        foreach (var (name, value) in Parameters)
        {
            hash = unchecked(hash * 31 + (int)Determinism.StableHash.Of(name) + value.GetHashCode());
        }

        return hash;
    }

    /// <summary><c>type(a=1, b=2)</c>, or just the type without parameters.</summary>
    public override string ToString() =>
        Parameters.Count == 0
            ? Type
            : $"{Type}({string.Join(", ", Parameters.Select(p => p.Key + "=" + p.Value.ToString("R", CultureInfo.InvariantCulture)))})";
}
