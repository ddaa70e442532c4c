using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Scenarios;

namespace Simulation.Client.Output;

/// <summary>
/// The grains of a run a person looks up on the Orleans dashboard, by the keys the run gives them
/// (<see cref="RunIds"/>): the run grain, one grain per negotiation, one per country at a table;
/// and, for a run on a silo, where to watch it: the live page and the dashboard its silos serve.
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

    /// <summary>
    /// The live page opened on the run, and the dashboard, of every silo that registered its pages
    /// with the runs directory (<see cref="IRunDirectoryGrain.GetPagesAsync"/>); nothing when none did.
    /// </summary>
    public static IReadOnlyList<string> Pages(string runId, IReadOnlyList<LivePage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        return pages.Count == 0
            ? []
            :
            [
                $"live page: {string.Join(", ", pages.Select(p => p.For(runId)))}",
                $"dashboard: {string.Join(", ", pages.Select(p => p.DashboardUrl))}",
            ];
    }
}
