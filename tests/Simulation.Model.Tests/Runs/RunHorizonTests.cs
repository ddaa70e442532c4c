using Simulation.Model.Runs;
using Simulation.Model.Runs.Journal;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Runs;

/// <summary>
/// The run's horizon, the last round it can reach as it stands, which a watcher's clock counts
/// towards. Hardliners never concede, so every table here runs to its deadline and the horizon can
/// be worked out by hand from the starts and deadlines.
/// </summary>
public sealed class RunHorizonTests
{
    // AB: rounds 1–10. BC: opens at round 5, deadline 10 rounds, so rounds 5–14.
    // AC: waits for an event at round 3 and then has 20 rounds: 3–22.
    private static readonly Scenario Staggered = ScenarioLoader.Parse("""
        name: Staggered
        sectors:
          goods: { demand_elasticity: 1.5, substitution_elasticity: 4 }
        countries:
          AAA: { name: A, strategy: hardliner }
          BBB: { name: B, strategy: hardliner }
          CCC: { name: C, strategy: hardliner }
        trade:
          - { importer: AAA, exporter: BBB, sector: goods, value: 100, tariff: 10 }
          - { importer: BBB, exporter: AAA, sector: goods, value: 80, tariff: 8 }
          - { importer: BBB, exporter: CCC, sector: goods, value: 60, tariff: 6 }
          - { importer: CCC, exporter: BBB, sector: goods, value: 50, tariff: 5 }
          - { importer: AAA, exporter: CCC, sector: goods, value: 40, tariff: 4 }
          - { importer: CCC, exporter: AAA, sector: goods, value: 30, tariff: 3 }
        negotiations:
          - id: AB
            parties: [AAA, BBB]
            rounds: 10
            issues:
              - { importer: AAA, exporter: BBB, sector: goods, levels: [10, 0] }
              - { importer: BBB, exporter: AAA, sector: goods, levels: [8, 0] }
          - id: BC
            parties: [BBB, CCC]
            rounds: 10
            start: 5
            issues:
              - { importer: BBB, exporter: CCC, sector: goods, levels: [6, 0] }
              - { importer: CCC, exporter: BBB, sector: goods, levels: [5, 0] }
          - id: AC
            parties: [AAA, CCC]
            rounds: 20
            start: deferred
            issues:
              - { importer: AAA, exporter: CCC, sector: goods, levels: [4, 0] }
              - { importer: CCC, exporter: AAA, sector: goods, levels: [3, 0] }
        events:
          - { round: 3, type: start, negotiation: AC }
        """, "staggered.yaml");

    [Fact]
    public async Task The_horizon_counts_late_starts_and_grows_when_a_waiting_table_opens()
    {
        var run = new InProcessRun(Staggered, Staggered.Seed);
        var engine = new RunEngine(Staggered, run, run);
        var horizons = new List<(int Round, int Horizon)>();

        // Before the run: AB ends by 10, BC by 5 + 10 − 1 = 14; AC waits for its event and is not counted.
        engine.Horizon.Should().Be(14);
        var clocks = new List<RoundCompleted>();
        var result = await engine.RunAsync(new RunStarted(Staggered.Name, "", Staggered.Seed), told =>
        {
            if (told is RoundCompleted clock)
            {
                clocks.Add(clock);
                horizons.Add((clock.Round, engine.Horizon));
            }
        });

        // Rounds 1–2: 14. From round 3, when AC opens: 3 + 20 − 1 = 22, the longest deadline (20) being less.
        horizons.Should().Equal([(1, 14), (2, 14), .. Enumerable.Range(3, 20).Select(r => (r, 22))]);
        clocks.Select(c => c.Horizon).Should().Equal(horizons.Select(h => h.Horizon), "the clock the engine reports carries its horizon");
        result.RoundsPlayed.Should().Be(22);
        engine.Horizon.Should().Be(22, "once the run is over its horizon is the rounds it played");
    }
}
