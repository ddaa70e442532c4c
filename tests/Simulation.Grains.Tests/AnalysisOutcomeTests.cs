using Simulation.Model.Reporting;
using Simulation.Model.Economics;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>
/// The analysis in a run's outcome (DESIGN §4.5, §6.2) against the brute-force
/// <see cref="ReferenceAnalysis"/> of each negotiation, in the world it concluded in.
/// </summary>
[Collection(nameof(ClusterCollection))]
public sealed class AnalysisOutcomeTests(OneSilo oneSilo)
{
    [Theory]
    [InlineData("canada-china-canola.yaml")]
    [InlineData("canada-indonesia.yaml")]
    public async Task A_shipped_scenario_reports_the_analysis_found_by_enumerating_its_outcomes(string file)
    {
        var text = File.ReadAllText(RepositoryPaths.Scenario(file));
        var scenario = ScenarioLoader.Parse(text, file);

        var outcome = await RunDriver.RunAsync(oneSilo.Client, text, file, seed: 42);

        // One negotiation each: it concludes in the base world.
        var negotiation = outcome.Negotiations.Single();
        var expected = ReferenceAnalysis.Of(
            scenario, scenario.Negotiations.Single(), World.FromScenario(scenario), negotiation.Agreement?.Select(e => e.Tariff!.Value).ToList());
        ShouldMatch(negotiation, expected);
    }

    [Fact]
    public async Task A_negotiation_that_ends_after_another_is_analysed_in_the_world_that_deal_made()
    {
        // AB agrees in round 5 (tariffs AAA←BBB 5, BBB←AAA 0); AC goes on in that world until round 18
        // (CoupledNegotiationTests). Analysed in the base world, AC's utilities would differ.
        const string File = "one-country-two-tables.yaml";
        var text = System.IO.File.ReadAllText(RepositoryPaths.TestScenario(File));
        var scenario = ScenarioLoader.Parse(text, File);

        var outcome = await RunDriver.RunAsync(oneSilo.Client, text, File, seed: 1);

        var ab = outcome.Negotiations.Single(n => n.Id == "AB");
        var ac = outcome.Negotiations.Single(n => n.Id == "AC");
        var afterAb = World.FromScenario(scenario).With(ab.Agreement!.Select(e =>
            new TariffChange(new TariffLine(e.Importer!, e.Exporter!, e.Sector!), e.Tariff!.Value)));
        ShouldMatch(ac, ReferenceAnalysis.Of(scenario, scenario.Negotiation("AC"), afterAb, [.. ac.Agreement!.Select(e => e.Tariff!.Value)]));
        ShouldMatch(ab, ReferenceAnalysis.Of(scenario, scenario.Negotiation("AB"), World.FromScenario(scenario), [.. ab.Agreement!.Select(e => e.Tariff!.Value)]));
    }

    private static void ShouldMatch(NegotiationOutcome negotiation, ReferenceAnalysis.Result expected)
    {
        var analysis = negotiation.Analysis;
        var parties = negotiation.Parties;
        analysis.ParetoEpsilon.Should().Be(0, "a small space has an exact frontier");
        analysis.ParetoSize.Should().Be(expected.Frontier.Count);
        analysis.ParetoDistance.Should().BeGreaterThanOrEqualTo(0);
        analysis.ParetoDistance.Should().BeApproximately(expected.ParetoDistance, 1e-9);
        ShouldMatch(analysis.Nash, expected.Nash, parties, "Nash");
        ShouldMatch(analysis.KalaiSmorodinsky, expected.KalaiSmorodinsky, parties, "Kalai–Smorodinsky");
        ShouldMatch(analysis.MaxSocialWelfare, expected.MaxSocialWelfare, parties, "maximum welfare");
        if (expected.NashDistance is { } nashDistance)
        {
            analysis.NashDistance!.Value.Should().BeApproximately(nashDistance, 1e-9);
        }
        else
        {
            analysis.NashDistance.Should().BeNull();
        }

        // The frontier's points, as the brute force finds them (in tariffs), with their gains.
        analysis.Frontier.Select(p => string.Join(",", p.Outcome.Select(e => e.Tariff)))
            .Should().BeEquivalentTo(expected.Frontier.Select(p => string.Join(",", p.Tariffs.Select(t => (double?)t))));
        foreach (var point in analysis.Frontier)
        {
            var reference = expected.Frontier.Single(p => p.Tariffs.SequenceEqual(point.Outcome.Select(e => e.Tariff!.Value)));
            for (var i = 0; i < parties.Count; i++)
            {
                point.Utility[parties[i]].Should().BeApproximately(reference.Utilities[i], 1e-9);
                point.Gain[parties[i]].Should().BeApproximately(reference.Gains[i], 1e-9 * Math.Max(1, Math.Abs(reference.Gains[i])));
            }
        }
    }

    private static void ShouldMatch(BargainingPointOutcome? actual, ReferenceAnalysis.Point? expected, IReadOnlyList<string> parties, string what)
    {
        if (expected is null)
        {
            actual.Should().BeNull(what);
            return;
        }

        actual.Should().NotBeNull(what);
        actual!.Outcome.Select(e => e.Tariff!.Value).Should().Equal(expected.Tariffs, what);
        for (var i = 0; i < parties.Count; i++)
        {
            actual.Utility[parties[i]].Should().BeApproximately(expected.Utilities[i], 1e-9, $"{parties[i]}'s utility at the {what} point");
        }
    }
}
