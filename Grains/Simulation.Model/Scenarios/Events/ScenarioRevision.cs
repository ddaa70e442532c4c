namespace Simulation.Model.Scenarios.Events;

/// <summary>
/// The scenario as its countries stand after the country events (<see cref="ICountryEvent"/>:
/// <c>set-strategy</c>, <c>set-weights</c>) applied so far (DESIGN §5.1: a change of government).
/// Events are named by their index in <see cref="Scenario.Events"/>, so a country grain, which parses
/// the scenario itself, revises it exactly as the in-process run does. Countries no event names keep
/// their record (and strategy object), which is how a seat tells a new strategy from the one it plays.
/// </summary>
public static class ScenarioRevision
{
    public static Scenario After(Scenario scenario, IReadOnlyList<int> countryEventsSoFar)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(countryEventsSoFar);
        var revised = scenario;
        foreach (var index in countryEventsSoFar)
        {
            revised = scenario.Events[index] is ICountryEvent change
                ? change.Revise(revised)
                : throw new ArgumentException($"Event {index} does not change a country.", nameof(countryEventsSoFar));
        }

        return revised;
    }
}
