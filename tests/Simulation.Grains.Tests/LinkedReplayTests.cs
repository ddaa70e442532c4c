using Simulation.Model.Runs;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>
/// The independent replay (<see cref="ReferenceRun"/>) of a negotiation over sectors linked by
/// inputs (DESIGN §3.2): China crushes seed into oil, so a seed duty moves China's oil market too,
/// and the replay's whole-world values must see it as the engine's block tables do.
/// </summary>
public sealed class LinkedReplayTests
{
    // China crushes seed (from Canada and ROW, and its own) into oil at a seed cost share of 0.7;
    // footwear is unlinked. Canada plays Boulware and China linear, so the run takes several rounds.
    private const string Text = """
        name: Crushing
        seed: 7
        model: gsim
        rounds: 20
        sectors:
          seed: { demand_elasticity: 1.2, substitution_elasticity: 4, supply_elasticity: 2 }
          footwear: { demand_elasticity: 1.2, substitution_elasticity: 4 }
          oil: { demand_elasticity: 1.5, substitution_elasticity: 5, supply_elasticity: 3 }
        countries:
          CAN: { objective: welfare, strategy: boulware }
          CHN: { objective: political, lobby_weights: { oil: 1 }, strategy: linear }
          ROW: { negotiates: false }
        trade:
          - { importer: CHN, exporter: CAN, sector: seed, value: 300, tariff: 100 }
          - { importer: CHN, exporter: ROW, sector: seed, value: 100, tariff: 0 }
          - { importer: CHN, exporter: CAN, sector: oil, value: 100, tariff: 100 }
          - { importer: ROW, exporter: CHN, sector: oil, value: 50, tariff: 0 }
          - { importer: CAN, exporter: CHN, sector: footwear, value: 200, tariff: 18 }
          - { importer: CAN, exporter: ROW, sector: footwear, value: 300, tariff: 18 }
        domestic:
          - { country: CHN, sector: seed, value: 100 }
          - { country: CHN, sector: oil, value: 400 }
        inputs:
          - { country: CHN, sector: oil, input: seed, share: 0.7 }
        negotiations:
          - id: CAN-CHN
            parties: [CAN, CHN]
            issues:
              - { importer: CHN, exporter: CAN, sector: seed, levels: [100, 50, 25, 0] }
              - { importer: CAN, exporter: CHN, sector: footwear, levels: [18, 9, 0] }
              - { importer: CHN, exporter: CAN, sector: oil, levels: [100, 50, 9] }
        """;

    [Fact]
    public async Task The_replay_values_a_linked_block_jointly_and_reaches_the_run_s_outcome()
    {
        var scenario = ScenarioLoader.Parse(Text, "crushing.yaml");
        scenario.Blocks.KeyOf("seed").Should().Be("seed + oil");

        var outcome = await InProcessRun.OutcomeAsync(scenario, Text, "crushing.yaml", scenario.Seed);

        outcome.ShouldMatch(ReferenceRun.Play(scenario, scenario.Seed));
    }
}
