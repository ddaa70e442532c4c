using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Model.Tests.Runs;

/// <summary>
/// Every outcome of one negotiation's tariff issues valued by brute force in a given world
/// (<see cref="ReferenceAnalysis"/>: the whole world solved with and without each outcome), for run
/// tests to check a trace's utilities and gains against without the engine's seats or value tables.
/// </summary>
internal sealed class BruteForceValues(Scenario scenario, string negotiation, World world)
{
    private readonly IReadOnlyList<ReferenceAnalysis.Point> _outcomes =
        ReferenceAnalysis.Of(scenario, scenario.Negotiation(negotiation), world, null).Outcomes;

    /// <summary>The tariff changes of an outcome, level index by level index of the file's issues.</summary>
    public static IEnumerable<TariffChange> TariffsOf(Scenario scenario, string negotiation, Outcome outcome) =>
        scenario.Negotiation(negotiation).Issues.Cast<TariffIssueSpec>().Select((issue, i) =>
            new TariffChange(new TariffLine(issue.Importer, issue.Exporter, issue.Sector), issue.Levels[outcome.Levels[i]]));

    public ReferenceAnalysis.Point Of(Outcome outcome)
    {
        var tariffs = TariffsOf(scenario, negotiation, outcome).Select(c => c.TariffPercent).ToList();
        return _outcomes.Single(p => p.Tariffs.SequenceEqual(tariffs));
    }
}
