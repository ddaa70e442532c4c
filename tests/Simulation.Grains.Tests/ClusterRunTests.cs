using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;
using Simulation.Grains.Abstractions.Negotiations;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>Whole runs of the shipped scenarios on in-process test clusters of one and two silos.</summary>
[Collection(nameof(ClusterCollection))]
public sealed class ClusterRunTests(TwoSilos twoSilos, OneSilo oneSilo)
{
    private const string ScenarioFile = "canada-indonesia.yaml";
    private readonly string scenarioText = File.ReadAllText(RepositoryPaths.Scenario(ScenarioFile));

    [Theory]
    [InlineData("canada-indonesia.yaml", "ces")]
    [InlineData("canada-china-canola.yaml", "gsim")]
    public async Task A_shipped_scenario_ends_exactly_as_the_independent_replay_of_its_rules(string file, string model)
    {
        var text = File.ReadAllText(RepositoryPaths.Scenario(file));
        var scenario = ScenarioLoader.Parse(text, file);

        var outcome = await RunDriver.RunAsync(twoSilos.Client, text, file, seed: 42);

        outcome.Scenario.Name.Should().Be(scenario.Name);
        outcome.Model.Should().Be(model);
        outcome.Countries.Select(c => c.Id).Should().Equal(scenario.Countries.Select(c => c.Id));
        outcome.ShouldMatch(ReferenceRun.Play(scenario, seed: 42));
        foreach (var negotiation in outcome.Negotiations.Where(n => n.Agreement is not null))
        {
            foreach (var party in negotiation.Parties)
            {
                negotiation.Utility[party].Should().BeGreaterThanOrEqualTo(negotiation.Reservation[party], "no party agrees below its reservation");

                // With one negotiation, its agreement is the only change to the world.
                outcome.Countries.Single(c => c.Id == party).Objective.Value.Should().BeApproximately(negotiation.Gain[party], 1e-6);
            }
        }
    }

    [Theory]
    [InlineData(1, new double[] { 0, 10, 0 })]
    [InlineData(2, new double[] { 10, 0, 0 })]
    public async Task The_seed_breaks_an_exact_tie_between_bids_as_the_replay_does(long seed, double[] expectedTariffs)
    {
        // Wheat and barley are identical in every number, so cutting either is worth the same to
        // both sides (scenarios/equal-lines.yaml); only the seeded tie-break tells them apart.
        const string File = "equal-lines.yaml";
        var text = System.IO.File.ReadAllText(RepositoryPaths.Scenario(File));

        var outcome = await RunDriver.RunAsync(twoSilos.Client, text, File, seed);

        outcome.ShouldMatch(ReferenceRun.Play(ScenarioLoader.Parse(text, File), seed));
        outcome.Negotiations[0].Agreement!.Select(a => a.Tariff!.Value).Should().Equal(expectedTariffs);
    }

    [Fact]
    public async Task Grains_expose_their_state_for_the_dashboard()
    {
        var (runId, outcome) = await RunDriver.PlayAsync(twoSilos.Client, scenarioText, ScenarioFile, seed: 7);

        var run = await twoSilos.Client.GetGrain<IRunGrain>(runId).GetState();
        run.Phase.Should().Be("completed");
        run.NegotiationStatus.Should().ContainKey("CAN-IDN").WhoseValue.Should().Be(NegotiationStatusNames.Name(outcome.Negotiations[0].Status));

        var negotiation = await twoSilos.Client.GetGrain<INegotiationGrain>(RunIds.Negotiation(runId, "CAN-IDN")).GetState();
        negotiation.Parties.Should().Equal("CAN", "IDN");
        negotiation.History.Should().NotBeEmpty();
        negotiation.History[0].Should().StartWith("round 1 turn 1: CAN offer");
    }

    [Fact]
    public async Task Same_scenario_and_seed_give_identical_outcomes_on_one_silo_and_on_two()
    {
        var onTwo = RunOutcomeJson.Serialize(await RunDriver.RunAsync(twoSilos.Client, scenarioText, ScenarioFile, seed: 42));
        var onOne = RunOutcomeJson.Serialize(await RunDriver.RunAsync(oneSilo.Client, scenarioText, ScenarioFile, seed: 42));

        onOne.Should().Be(onTwo);
    }
}
