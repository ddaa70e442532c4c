using Simulation.Model.Benchmarks;
using Simulation.Model.Reporting;
using Simulation.Model.Runs;
using Simulation.Model.Scenarios;

namespace Simulation.Grains.Tests;

/// <summary>
/// The world benchmark's generated world (DESIGN §7) plays to the same outcome through the grains
/// as in process (DESIGN §2 "Seams"), byte for byte: a small one, coupled through gsim, where every
/// agreement reprices the other tables in its sectors.
/// </summary>
[Collection(nameof(ClusterCollection))]
public sealed class SyntheticWorldEngineTests(TwoSilos twoSilos)
{
    [Fact]
    public async Task A_small_synthetic_world_gives_byte_identical_outcomes_on_both_engines()
    {
        const string fileName = "world.yaml";
        var text = SyntheticWorld.Scenario(4, seed: 1);
        var scenario = ScenarioLoader.Parse(text, fileName);

        var grains = await RunDriver.RunAsync(twoSilos.Client, text, fileName, scenario.Seed);
        var local = await InProcessRun.OutcomeAsync(scenario, text, fileName, scenario.Seed);

        RunOutcomeJson.Serialize(local).Should().Be(RunOutcomeJson.Serialize(grains));
        // Not vacuous: all six tables were played, and at least one deal changed the world the others were priced in.
        local.Negotiations.Should().HaveCount(6);
        local.Negotiations.Should().Contain(n => n.Agreement != null);
    }
}
