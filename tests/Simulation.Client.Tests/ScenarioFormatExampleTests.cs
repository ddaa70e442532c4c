using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Simulation.Model.Economics;
using Simulation.Model.Scenarios;
using Simulation.Model.Scenarios.Events;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>The examples of the scenario file reference (docs/scenario-format.md) do what it says they do.</summary>
public sealed partial class ScenarioFormatExampleTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-scenario-format-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task The_minimal_scenario_agrees_in_round_18_with_the_gains_the_reference_states()
    {
        var reference = Documentation.Read("scenario-format.md");
        var yaml = MinimalExample().Match(reference);
        yaml.Success.Should().BeTrue("scenario-format.md shows a minimal scenario after 'A minimal one:'");
        var file = Path.Combine(scratch, "minimal.yaml");
        File.WriteAllText(file, yaml.Groups[1].Value);

        var result = await TradeSimProcess.RunAsync("run", file, "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        var outcome = JsonNode.Parse(result.Stdout)!;
        var negotiation = outcome["negotiations"]![0]!;
        negotiation["status"]!.GetValue<string>().Should().Be("agreed");
        negotiation["round"]!.GetValue<int>().Should().Be(18);
        negotiation["agreement"]!.AsArray().Select(a => a!["tariff"]!.GetValue<double>()).Should().Equal(5, 0);

        // The round and the agreement the reference states, reached by the independent replay too.
        var scenario = ScenarioLoader.Parse(yaml.Groups[1].Value, "minimal.yaml");
        var replay = ReferenceRun.Play(scenario, scenario.Seed);
        (replay.Negotiation("AB").Status, replay.Negotiation("AB").Round).Should().Be(("agreed", 18));
        outcome.ShouldMatchReplay(replay);

        // By hand, the exact Armington CES model (DESIGN §3.2: infinite export supply, world prices 1,
        // so values are quantities) on the agreed tariffs, each market alone:
        //   AAA's market, BBB 100 and ROW 900 at 10%; BBB's tariff 10 → 5 %: θ_BBB = 110/1100 = 0.1,
        //   p̂_BBB = 1.05/1.10, P̂ = (0.1 p̂_BBB^(1−σ) + 0.9)^(1/(1−σ)), Q̂ = P̂^(−ε), σ = 4, ε = 1.5,
        //   M1_j = M_j (p̂_j/P̂)^(−σ) Q̂.
        //   BBB's market, AAA its only supplier, 80 at 8% → 0: P̂ = p̂_AAA = 1/1.08, so M1 = 80 · 1.08^1.5.
        // Both are mercantilist (DESIGN §3.3): U = ΔX − ΔM, exports gained minus imports gained.
        const double sigma = 4, epsilon = 1.5;
        var priceOfB = 1.05 / 1.10;
        var index = Math.Pow((0.1 * Math.Pow(priceOfB, 1 - sigma)) + 0.9, 1 / (1 - sigma));
        var quantity = Math.Pow(index, -epsilon);
        var importsFromB = 100 * Math.Pow(priceOfB / index, -sigma) * quantity;
        var importsFromRow = 900 * Math.Pow(1 / index, -sigma) * quantity;
        var exportsOfA = 80 * Math.Pow(1.08, epsilon);
        var gainOfA = (exportsOfA - 80) - (importsFromB + importsFromRow - 1000);
        var gainOfB = (importsFromB - 100) - (exportsOfA - 80);
        gainOfA.Should().BeApproximately(1.90, 0.005, "the reference's rounded figure");
        gainOfB.Should().BeApproximately(9.18, 0.005, "the reference's rounded figure");
        negotiation["gain"]!["AAA"]!.GetValue<double>().Should().BeApproximately(gainOfA, 1e-9);
        negotiation["gain"]!["BBB"]!.GetValue<double>().Should().BeApproximately(gainOfB, 1e-9);
        reference.Should().Contain("A gains 1.90 and B 9.18");
    }

    [Fact]
    public async Task With_a_boulware_A_the_minimal_scenario_ends_without_a_deal_and_the_table_says_what_that_means()
    {
        var reference = Documentation.Read("scenario-format.md");
        var yaml = MinimalExample().Match(reference).Groups[1].Value;
        var file = Path.Combine(scratch, "minimal-boulware.yaml");
        File.WriteAllText(file, yaml.Replace("AAA: { name: A, strategy: linear }", "AAA: { name: A, strategy: boulware }", StringComparison.Ordinal));

        var result = await TradeSimProcess.RunAsync("run", file);

        // The independent replay of the same file ends the same way: at the deadline, round 20, no deal.
        var scenario = ScenarioLoader.Parse(File.ReadAllText(file), "minimal-boulware.yaml");
        var replay = ReferenceRun.Play(scenario, scenario.Seed).Negotiation("AB");
        (replay.Status, replay.Round).Should().Be(("deadline", 20));
        replay.AgreedLevels.Should().BeNull();

        // The reference: "Make A boulware instead and the same negotiation ends at the deadline with no deal".
        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("│ deadline │ 20 ").And.Contain(
            "No agreement in AB: it changes no tariff, so its gains are 0 and each party's utility is its reservation, the utility of no deal.");
    }

    [Fact]
    public void The_reaction_example_reads_on_the_pivot_s_names_into_the_conditions_it_describes()
    {
        var reference = Documentation.Read("scenario-format.md");
        var example = ReactionExample().Match(reference);
        example.Success.Should().BeTrue("scenario-format.md shows a reaction on the names of canada-asia-pivot.yaml");

        // The example's events after the pivot's own: its names must be the pivot's (the file's events list is last).
        var pivot = File.ReadAllText(RepositoryPaths.Scenario("canada-asia-pivot.yaml"));
        var scenario = ScenarioLoader.Parse(pivot + example.Groups[1].Value, "canada-asia-pivot.yaml");

        scenario.Events.Select(e => e.Trigger).TakeLast(2).Should().Equal(
            new AgreementTrigger("CAN-CHN", new TariffLine("CAN", "CHN", "vehicles"), new Threshold("below", 50)),
            new ExportsTrigger("CAN", "USA", null, new Threshold("change_below", -0.05)));
        scenario.Events[^2].Should().Be(new SetTariffEvent(scenario.Events[^2].Trigger, "USA", "CAN", "vehicles", 50));
    }

    [GeneratedRegex("A minimal one:\\n\\n```yaml\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex MinimalExample();

    // The example's list items, without its "events:" line.
    [GeneratedRegex("not a forecast:\\n\\n```yaml\\nevents:\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ReactionExample();
}
