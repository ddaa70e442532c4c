using Orleans.TestingHost;
using Simulation.Grains.Abstractions.Outcomes;
using Simulation.Grains.Abstractions.Negotiations;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>Whole runs of the shipped scenario on in-process test clusters of one and two silos.</summary>
public sealed class ClusterRunTests : IAsyncLifetime
{
    private const string ScenarioFile = "canada-indonesia.yaml";
    private readonly string scenarioText = File.ReadAllText(RepositoryPaths.Scenario(ScenarioFile));
    private InProcessTestCluster? twoSilos;

    public async Task InitializeAsync()
    {
        twoSilos = new InProcessTestClusterBuilder(2).Build();
        await twoSilos.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (twoSilos is not null)
        {
            await twoSilos.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("canada-indonesia.yaml", "ces")]
    [InlineData("canada-china-canola.yaml", "gsim")]
    public async Task A_run_completes_with_outcomes_the_model_confirms(string file, string model)
    {
        var text = File.ReadAllText(RepositoryPaths.Scenario(file));
        var outcome = await RunDriver.RunAsync(twoSilos!.Client, text, file, seed: 42);
        var scenario = ScenarioLoader.Parse(text, file);

        outcome.Scenario.Name.Should().Be(scenario.Name);
        outcome.Model.Should().Be(model);
        outcome.Negotiations.Should().ContainSingle();
        var negotiation = outcome.Negotiations[0];
        negotiation.Status.Should().BeOneOf("agreed", "deadline");
        outcome.RoundsPlayed.Should().Be(negotiation.Round);
        outcome.Countries.Select(c => c.Id).Should().Equal(scenario.Countries.Select(c => c.Id));

        // The utilities the grains report are the model's utilities for the agreement, computed here
        // without any grain: the plumbing neither loses nor alters a number.
        var world = World.FromScenario(scenario);
        foreach (var party in negotiation.Parties)
        {
            var seat = NegotiationSeat.Take(scenario, scenario.Negotiations[0], party, world);
            negotiation.Reservation[party].Should().Be(seat.Preferences.Reservation);
            if (negotiation.Agreement is { } agreement)
            {
                var levels = agreement.Select((line, issue) => IndexOf(scenario.Negotiations[0].Issues[issue].Levels, line.Tariff)).ToArray();
                var outcomeLevels = new Outcome([.. levels]);
                negotiation.Utility[party].Should().Be(seat.Preferences.Utility(outcomeLevels));
                negotiation.Gain[party].Should().Be(seat.Preferences.Value(outcomeLevels));
                negotiation.Utility[party].Should().BeGreaterThanOrEqualTo(negotiation.Reservation[party], "no party agrees below its reservation");
            }
        }

        if (negotiation.Agreement is not null)
        {
            foreach (var party in negotiation.Parties)
            {
                var country = outcome.Countries.Single(c => c.Id == party);
                country.Objective.Value.Should().BeApproximately(negotiation.Gain[party], 1e-6, "the only change to the world is this agreement");
            }
        }
    }

    [Fact]
    public async Task Grains_expose_their_state_for_the_dashboard()
    {
        var outcome = await RunDriver.RunAsync(twoSilos!.Client, scenarioText, ScenarioFile, seed: 7);
        var runId = RunIds.For(scenarioText, 7);

        var run = await twoSilos.Client.GetGrain<IRunGrain>(runId).GetState();
        run.Status.Phase.Should().Be(RunPhase.Completed);
        run.NegotiationStatus.Should().ContainKey("CAN-IDN").WhoseValue.Should().Be(outcome.Negotiations[0].Status);

        var negotiation = await twoSilos.Client.GetGrain<INegotiationGrain>(RunIds.Negotiation(runId, "CAN-IDN")).GetState();
        negotiation.Parties.Should().Equal("CAN", "IDN");
        negotiation.History.Should().NotBeEmpty();
        negotiation.History[0].Should().StartWith("round 1 turn 1: CAN offer");
    }

    [Fact]
    public async Task Same_scenario_and_seed_give_identical_outcomes_on_one_silo_and_on_two()
    {
        var onTwo = RunOutcomeJson.Serialize(await RunDriver.RunAsync(twoSilos!.Client, scenarioText, ScenarioFile, seed: 42));

        await using var oneSilo = new InProcessTestClusterBuilder(1).Build();
        await oneSilo.DeployAsync();
        var onOne = RunOutcomeJson.Serialize(await RunDriver.RunAsync(oneSilo.Client, scenarioText, ScenarioFile, seed: 42));

        onOne.Should().Be(onTwo);
    }

    private static int IndexOf(IReadOnlyList<double> levels, double tariff)
    {
        for (var i = 0; i < levels.Count; i++)
        {
            if (levels[i] == tariff)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{tariff} is not a level.");
    }
}
