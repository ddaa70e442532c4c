using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Scenarios;

namespace Simulation.Client.Output;

/// <summary>
/// The grains of a run a person looks up on the Orleans dashboard, by the keys the run gives them
/// (<see cref="RunIds"/>): the run grain, one grain per negotiation, one per country at a table.
/// </summary>
public static class GrainIds
{
    public static IReadOnlyList<string> Lines(string runId, Scenario scenario, long seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var negotiations = scenario.Negotiations.Select(n => n.Id).Order(StringComparer.Ordinal).Select(id => RunIds.Negotiation(runId, id));
        var countries = scenario.Negotiations.SelectMany(n => n.Parties).Distinct().Order(StringComparer.Ordinal).Select(id => RunIds.Country(runId, id));
        return
        [
            $"run {runId} ({scenario.Name}, seed {seed})",
            $"grains: RunGrain {runId}; NegotiationGrain {string.Join(", ", negotiations)}; CountryGrain {string.Join(", ", countries)}",
        ];
    }
}
