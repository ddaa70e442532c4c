using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;
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
    /// <summary>Every shipped scenario (found by listing the directory and its subfolders, such as a scenario's grid variants, so a new one is covered at once), the coupled test scenario and two with tariff-rate quotas.</summary>
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var file in ShippedScenarios.Files())
        {
            // scenarios/calibration holds worlds without a table (the base a scenario's values were
            // evaluated from): nothing to play, so nothing to compare; the Client tests evaluate them.
            if (file.StartsWith(Path.Combine("scenarios", "calibration"), StringComparison.Ordinal))
            {
                continue;
            }

            data.Add(file);
        }

        data.Add(Path.Combine("tests", "Simulation.Grains.Tests", "Scenarios", "one-country-two-tables.yaml"));
        data.Add(Path.Combine("tests", "Simulation.Grains.Tests", "Scenarios", "events.yaml"));
        data.Add(Path.Combine("tests", "Simulation.Grains.Tests", "Scenarios", "reactions.yaml"));

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

        // The subfolders are listed too: canada-china.yaml's grid variants.
        Scenarios().Cast<object[]>().Select(row => (string)row[0]).Should().Contain(
            Path.Combine("scenarios", "canada-china-grids", "fine.yaml"), Path.Combine("scenarios", "canada-china-grids", "steps-25.yaml"));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task The_grains_and_the_in_process_engine_give_byte_identical_outcomes(string relativePath)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, relativePath));
        var fileName = Path.GetFileName(relativePath);
        var scenario = ScenarioLoader.Parse(text, fileName);

        var grains = await RunDriver.RunAsync(twoSilos.Client, text, fileName, scenario.Seed);
        var local = await InProcessRun.OutcomeAsync(scenario, text, fileName, scenario.Seed);

        grains.Negotiations.Should().AllSatisfy(n => n.History.Should().NotBeEmpty());
        RunOutcomeJson.Serialize(local).Should().Be(RunOutcomeJson.Serialize(grains));

        // The outcome crossed from the silo as its complete JSON form: the Pareto frontier, which the
        // outcome file leaves out and run --frontier writes, arrived whole too.
        System.Text.Json.JsonSerializer.Serialize(grains, RunOutcomeJson.Complete)
            .Should().Be(System.Text.Json.JsonSerializer.Serialize(local, RunOutcomeJson.Complete));
        grains.Negotiations.Should().AllSatisfy(n => n.Analysis.Frontier.Should().NotBeEmpty());
    }

    [Fact]
    public async Task The_events_scenario_lists_its_events_as_applied_through_the_grains()
    {
        var relativePath = Path.Combine("tests", "Simulation.Grains.Tests", "Scenarios", "events.yaml");
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, relativePath));
        var scenario = ScenarioLoader.Parse(text, "events.yaml");

        var grains = await RunDriver.RunAsync(twoSilos.Client, text, "events.yaml", scenario.Seed);

        // The file's events: three at rounds 2, 3 and 4; AC's start the round after AB agrees; CCC's walk-out at round 12.
        var ab = grains.Negotiations.Single(n => n.Id == "AB");
        grains.Events.Select(e => (e.Round, e.Type)).Should().Equal(
            (2, "set-tariff"), (3, "set-weights"), (4, "set-strategy"), (ab.Round + 1, "start"), (12, "terminate"));
        var ac = grains.Negotiations.Single(n => n.Id == "AC");
        // AC opened at run round ab.Round + 1, so run round 12 is its round 12 − ab.Round.
        (ac.Status, ac.Round).Should().Be((NegotiationStatus.Terminated, 12 - ab.Round));
        ac.Gain.Values.Should().AllSatisfy(g => g.Should().Be(0));
    }

    [Fact]
    public async Task Reactions_fire_through_the_grains_as_in_process_naming_what_held()
    {
        // Conditions on an agreement's quota, its in-quota tariff and a tariff, and a status that never comes.
        var text = AgreementReactions.Text();
        var scenario = ScenarioLoader.Parse(text, AgreementReactions.FileName);

        var grains = await RunDriver.RunAsync(twoSilos.Client, text, AgreementReactions.FileName, scenario.Seed);
        var local = await InProcessRun.OutcomeAsync(scenario, text, AgreementReactions.FileName, scenario.Seed);

        RunOutcomeJson.Serialize(grains).Should().Be(RunOutcomeJson.Serialize(local));
        grains.Events.Select(e => (e.Round, e.When)).Should().Equal(
            (7, "AB agreed quota AAA←BBB goods 110, above 100"),
            (7, "AB agreed tariff AAA←BBB goods 0, below 0.5"),
            (7, "AB agreed tariff BBB←AAA grain 4, below 4.01"));
    }
}
