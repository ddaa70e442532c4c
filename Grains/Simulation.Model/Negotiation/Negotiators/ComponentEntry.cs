namespace Simulation.Model.Negotiation;

/// <summary>
/// One line of a component registry (<see cref="BiddingStrategies"/>, <see cref="AcceptanceConditions"/>,
/// <see cref="OpponentModels"/>): a name, what it is, its declared parameters, and how to make one.
/// <paramref name="MaxParties"/> is the largest table the component can play at (backward induction: two).
/// <paramref name="DecidesAcceptance"/>: the component brings its own acceptance rule and takes no
/// <c>acceptance:</c> (backward induction's subgame-perfect responses).
/// </summary>
public sealed record ComponentEntry<T>(
    string Name,
    string Summary,
    IReadOnlyList<StrategyParameter> Parameters,
    Func<ComponentSettings, T> Create,
    int MaxParties = int.MaxValue,
    bool DecidesAcceptance = false)
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
}
