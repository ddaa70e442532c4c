using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;
using Simulation.Model.Economics;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>
/// Runs with more than one negotiation, where one country sits at two tables over the same market
/// (scenarios/one-country-two-tables.yaml beside this file): AB agrees in round 5 while AC is still
/// open, and AB's agreement is part of the world in which AC goes on.
/// </summary>
[Collection(nameof(ClusterCollection))]
public sealed class CoupledNegotiationTests(TwoSilos twoSilos, OneSilo oneSilo, SpreadOverTwoSilos spread)
{
    private const string File = "one-country-two-tables.yaml";
    private static readonly string Text = System.IO.File.ReadAllText(RepositoryPaths.TestScenario(File));

    [Fact]
    public async Task Each_negotiation_reports_the_gains_of_the_world_in_which_it_concluded()
    {
        var outcome = await RunDriver.RunAsync(twoSilos.Client, Text, File, seed: 1);
        var ab = outcome.Negotiations.Single(n => n.Id == "AB");
        var ac = outcome.Negotiations.Single(n => n.Id == "AC");

        (ab.Status, ab.Round).Should().Be((NegotiationStatus.Agreed, 5));
        ab.Agreement!.Select(a => a.Tariff!.Value).Should().Equal(5, 0);
        (ac.Status, ac.Round).Should().Be((NegotiationStatus.Agreed, 18));
        ac.Agreement!.Select(a => a.Tariff!.Value).Should().Equal(0, 0);

        // AB concluded in the base world: its gains are the objectives' change from the base data when
        // only AB's lines change. AC concluded in the world with AB's agreement: its gains are the change
        // from that world. Both by brute force (every outcome's world solved whole), not by the run's seats.
        var scenario = ScenarioLoader.Parse(Text, File);
        var baseWorld = World.FromScenario(scenario);
        var abGains = ReferenceAnalysis.Of(scenario, scenario.Negotiation("AB"), baseWorld, [5, 0]).Outcomes
            .Single(p => p.Tariffs.SequenceEqual([5.0, 0])).Gains;
        var afterAb = baseWorld.With([new TariffChange(new TariffLine("AAA", "BBB", "goods"), 5), new TariffChange(new TariffLine("BBB", "AAA", "goods"), 0)]);
        var acGains = ReferenceAnalysis.Of(scenario, scenario.Negotiation("AC"), afterAb, [0, 0]).Outcomes
            .Single(p => p.Tariffs.SequenceEqual([0.0, 0])).Gains;
        ab.Gain["AAA"].Should().BeApproximately(abGains[0], 1e-9);
        ab.Gain["BBB"].Should().BeApproximately(abGains[1], 1e-9);
        ac.Gain["AAA"].Should().BeApproximately(acGains[0], 1e-9);
        ac.Gain["CCC"].Should().BeApproximately(acGains[1], 1e-9);

        // A country's objective measures the whole change from the base data: both deals.
        outcome.Countries.Single(c => c.Id == "AAA").Objective.Value.Should().BeApproximately(abGains[0] + acGains[0], 1e-9);

        // Utilities and reservations too: those of the independent replay of the rules.
        outcome.ShouldMatch(ReferenceRun.Play(scenario, seed: 1));
    }

    [Fact]
    public async Task A_negotiation_that_ends_first_reports_what_it_would_alone()
    {
        var together = await RunDriver.RunAsync(twoSilos.Client, Text, File, seed: 1);
        var alone = await RunDriver.RunAsync(twoSilos.Client, WithoutNegotiation(Text, "AC"), "ab-alone.yaml", seed: 1);

        var ab = together.Negotiations.Single(n => n.Id == "AB");
        var abAlone = alone.Negotiations.Single();
        ab.Utility.Should().Equal(abAlone.Utility);
        ab.Reservation.Should().Equal(abAlone.Reservation);
        ab.Gain.Should().Equal(abAlone.Gain);
        ab.Gain["AAA"].Should().BeGreaterThan(0, "AAA agreed to AB because it gains from it");
    }

    [Fact]
    public async Task A_run_whose_grains_are_spread_over_two_silos_gives_the_outcome_of_one_silo()
    {
        var (runId, spreadOutcome) = await RunDriver.PlayAsync(spread.Client, Text, File, seed: 1);

        // The run's grains really are on both silos, so its turns crossed silos.
        var management = spread.Client.GetGrain<IManagementGrain>(0);
        var placed = (await management.GetDetailedGrainStatistics())
            .Where(g => g.GrainId.Key.ToString()!.StartsWith(runId, StringComparison.Ordinal))
            .ToList();
        placed.Select(g => g.SiloAddress).Distinct().Should().HaveCount(2);

        var single = await RunDriver.RunAsync(oneSilo.Client, Text, File, seed: 1);
        RunOutcomeJson.Serialize(spreadOutcome).Should().Be(RunOutcomeJson.Serialize(single));
    }

    /// <summary>The scenario text with one negotiation's block removed (the last block of the file).</summary>
    private static string WithoutNegotiation(string text, string id)
    {
        var start = text.IndexOf($"  - id: {id}", StringComparison.Ordinal);
        start.Should().BePositive();
        return text[..start];
    }
}
