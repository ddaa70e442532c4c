using Simulation.Model.Registries;

namespace Simulation.Model.Negotiation;

/// <summary>
/// One entry of a component registry (<see cref="BiddingStrategies"/>, <see cref="AcceptanceConditions"/>,
/// <see cref="OpponentModels"/>): a name, what it is, its declared parameters, and how to make one.
/// <paramref name="MaxParties"/> is the largest table the component can play at (backward induction: two).
/// <paramref name="DecidesAcceptance"/>: the component brings its own acceptance rule and takes no
/// <c>acceptance:</c> (backward induction's subgame-perfect responses).
/// </summary>
public sealed record ComponentEntry<T>(
    string Name,
    string Description,
    IReadOnlyList<EntryParameter> Parameters,
    Func<ComponentSettings, T> Create,
    int MaxParties = int.MaxValue,
    bool DecidesAcceptance = false) : IRegistryEntry
{
    /// <summary>Settings with every declared default filled in (the given values win).</summary>
    public ComponentSettings Complete(IEnumerable<KeyValuePair<string, double>>? given = null)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var parameter in Parameters)
        {
            if (parameter.Default is { } d)
            {
                values[parameter.Name] = d;
            }
        }

        foreach (var (name, value) in given ?? [])
        {
            values[name] = value;
        }

        return new ComponentSettings(Name, values);
    }

    /// <summary>A component from settings; parameters the settings omit take their defaults.</summary>
    /// <exception cref="ArgumentException">A parameter without a default is missing, or a value lies outside its range.</exception>
    public T CreateFrom(ComponentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var complete = Complete(settings.Parameters);
        foreach (var parameter in Parameters)
        {
            if (!complete.Parameters.TryGetValue(parameter.Name, out var value))
            {
                throw new ArgumentException($"{Name} needs {parameter.Name}.", nameof(settings));
            }

            if (!parameter.Contains(value))
            {
                throw new ArgumentOutOfRangeException(nameof(settings), value, $"{Name}: {parameter.Name} lies in [{parameter.Min}, {parameter.Max}].");
            }
        }

        return Create(complete);
    }
}
