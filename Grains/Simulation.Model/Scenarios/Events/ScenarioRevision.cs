namespace Simulation.Model.Scenarios.Events;

/// <summary>
/// The scenario as its countries stand after the <c>set-strategy</c> and <c>set-weights</c> events
/// applied so far (DESIGN §5.1: a change of government). Events are named by their index in
/// <see cref="Scenario.Events"/>, so a country grain, which parses the scenario itself, revises it
/// exactly as the in-process run does. Countries no event names keep their record (and strategy
/// object), which is how a seat tells a new strategy from the one it plays.
/// </summary>
public static class ScenarioRevision
{
    public static Scenario After(Scenario scenario, IReadOnlyList<int> countryEventsSoFar)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(countryEventsSoFar);
        if (countryEventsSoFar.Count == 0)
        {
            return scenario;
        }

        var countries = scenario.Countries.ToList();
        var negotiations = scenario.Negotiations.ToList();
        foreach (var index in countryEventsSoFar)
        {
            switch (scenario.Events[index])
            {
                case SetStrategyEvent strategy:
                    var i = countries.FindIndex(c => c.Id == strategy.Country);
                    countries[i] = countries[i] with { Strategy = strategy.Strategy };
                    // The new government's strategy replaces any per-negotiation override too.
                    negotiations = [.. negotiations.Select(n => n.Strategies.ContainsKey(strategy.Country)
                        ? n with { Strategies = n.Strategies.Where(s => s.Key != strategy.Country).ToDictionary(StringComparer.Ordinal) }
                        : n)];
                    break;
                case SetWeightsEvent weights:
                    var j = countries.FindIndex(c => c.Id == weights.Country);
                    countries[j] = countries[j] with
                    {
                        LobbyWeights = weights.LobbyWeights ?? countries[j].LobbyWeights,
                        PartnerWeights = weights.PartnerWeights ?? countries[j].PartnerWeights,
                    };
                    break;
                default:
                    throw new ArgumentException($"Event {index} does not change a country.", nameof(countryEventsSoFar));
            }
        }

        return scenario with { Countries = countries, Negotiations = negotiations };
    }
}
