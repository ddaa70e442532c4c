using Simulation.Grains.Abstractions.Outcomes;
using Simulation.Grains.Outcomes;
using Simulation.Model.Runs;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>
/// DESIGN §2 "Seams": the run engine is written once and hosted twice, by the run grain over grain
/// calls and in-process over plain objects; the same scenario and seed give byte-identical outcome
/// JSON through both.
/// </summary>
[Collection(nameof(ClusterCollection))]
public sealed class EngineEquivalenceTests(TwoSilos twoSilos)
{
    /// <summary>Every shipped scenario (found by listing the directory, so a new one is covered at once), the coupled test scenario and two with tariff-rate quotas.</summary>
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "scenarios"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Root, file));
        }

        data.Add(Path.Combine("tests", "Simulation.Grains.Tests", "Scenarios", "one-country-two-tables.yaml"));

        // Tariff-rate quotas: the client's quota deal, and a quota agreed at one table while the
        // same market is still negotiated at another, so a quota reprices seats through both hosts.
        data.Add(Path.Combine("tests", "Simulation.Grains.Tests", "Scenarios", "quota-deal.yaml"));
        data.Add(Path.Combine("tests", "Simulation.Grains.Tests", "Scenarios", "quota-two-tables.yaml"));
        return data;
    }

    [Fact]
    public void The_shipped_scenarios_are_found()
    {
        // Four shipped YAML scenarios at the time of writing, plus the coupled one and the two quota ones: an empty listing must not pass vacuously.
        Scenarios().Cast<object[]>().Count().Should().BeGreaterThanOrEqualTo(7);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task The_grains_and_the_in_process_engine_give_byte_identical_outcomes(string relativePath)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, relativePath));
        var fileName = Path.GetFileName(relativePath);
        var scenario = ScenarioLoader.Parse(text, fileName);

        var grains = await RunDriver.RunAsync(twoSilos.Client, text, fileName, scenario.Seed);
        var local = RunOutcomes.Assemble(scenario, await InProcessRun.PlayAsync(scenario, scenario.Seed), text, fileName, scenario.Seed);

        grains.Negotiations.Should().AllSatisfy(n => n.History.Should().NotBeEmpty());
        RunOutcomeJson.Serialize(local).Should().Be(RunOutcomeJson.Serialize(grains));
    }
}
