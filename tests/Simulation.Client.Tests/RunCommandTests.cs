using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>`tradesim run` end to end, as a process, on the shipped scenario.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-tests-").FullName;
    private static readonly string Shipped = Path.Combine("scenarios", "canada-indonesia.yaml");

    /// <summary>The shipped scenario's negotiation as the independent replay of the rules plays it (seed 42, the file's).</summary>
    private static readonly ReferenceRun.NegotiationResult Expected =
        ReferenceRun.Play(ScenarioLoader.LoadFile(RepositoryPaths.Scenario("canada-indonesia.yaml")), seed: 42).Negotiation("CAN-IDN");

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task Prints_the_outcome_as_tables()
    {
        var result = await TradeSimProcess.RunAsync("run", Shipped);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("Canada–Indonesia CEPA (stylised)").And.Contain("Negotiations").And.Contain("Countries");
        var row = result.Stdout.Split('\n').Single(l => l.StartsWith("│ CAN-IDN", StringComparison.Ordinal) && l.Contains(Expected.Status, StringComparison.Ordinal));
        row.Split('│', StringSplitOptions.TrimEntries).Should().ContainInOrder("CAN-IDN", Expected.Status, Expected.Round.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_table_shows_each_gain_in_the_scenarios_unit_before_the_normalised_utility_and_says_what_that_is()
    {
        var result = await TradeSimProcess.RunAsync("run", Shipped);

        result.ExitCode.Should().Be(0, result.Stderr);
        var header = result.Stdout.Split('\n').First(l => l.Contains("Reservation", StringComparison.Ordinal));
        header.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Should().Equal("Negotiation", "Status", "Round", "Party", "Gain in mercantilist score (CAD millions)", "Utility", "Reservation");
        result.Stdout.Should().Contain("0 = its worst outcome on the table, 1 = its best");
        result.Stdout.Should().Contain("Bargaining analysis").And.Contain("Kalai–Smorodinsky").And.Contain("To frontier");
        var canada = result.Stdout.Split('\n').Single(l => l.StartsWith("│ CAN-IDN", StringComparison.Ordinal) && l.Contains(Expected.Status, StringComparison.Ordinal));
        canada.Split('│', StringSplitOptions.TrimEntries).Should().ContainInOrder(
            "CAN", Expected.Gain["CAN"].ToString("#,##0.00", CultureInfo.InvariantCulture), Expected.Utility["CAN"].ToString("0.000", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_run_that_fails_exits_with_1_says_why_and_leaves_the_old_output_file_alone()
    {
        // Valuing the 10,000% level means solving gsim where, in double precision, it has no
        // equilibrium: the run fails while the countries price the outcome space, after validation.
        var scenario = Path.Combine(RepositoryPaths.Root, "tests", "Simulation.Client.Tests", "Scenarios", "no-equilibrium.yaml");
        var output = Path.Combine(scratch, "outcome.json");
        File.WriteAllText(output, "an earlier result");

        var result = await TradeSimProcess.RunAsync("run", scenario, "--out", output);

        result.ExitCode.Should().Be(1);
        result.Stderr.Should().Contain("failed").And.Contain("gsim found no equilibrium in sector goods").And.NotContain(" at Simulation.");
        result.Stdout.Should().BeEmpty();
        File.ReadAllText(output).Should().Be("an earlier result");
        Directory.GetFiles(scratch).Select(Path.GetFileName).Should().BeEquivalentTo("outcome.json");
    }

    [Fact]
    public async Task Writes_the_outcome_json_to_stdout_and_to_a_file_identically()
    {
        var file = Path.Combine(scratch, "outcome.json");

        var result = await TradeSimProcess.RunAsync("run", Shipped, "--format", "json", "--out", file);

        result.ExitCode.Should().Be(0, result.Stderr);
        var printed = JsonNode.Parse(result.Stdout)!;
        var written = JsonNode.Parse(File.ReadAllText(file))!;
        WithoutTimings(printed).Should().Be(WithoutTimings(written));
        printed["scenario"]!["file"]!.GetValue<string>().Should().Be("canada-indonesia.yaml");
        printed["scenario"]!["sha256"]!.GetValue<string>().Should().MatchRegex("^[0-9a-f]{64}$");
        printed["seed"]!.GetValue<long>().Should().Be(42, "the scenario's seed");
        printed["model"]!.GetValue<string>().Should().Be("ces");
        var negotiation = printed["negotiations"]![0]!;
        negotiation["id"]!.GetValue<string>().Should().Be("CAN-IDN");
        negotiation["protocol"]!.GetValue<string>().Should().Be("alternating-offers");
        negotiation["status"]!.GetValue<string>().Should().Be(Expected.Status);
        negotiation["round"]!.GetValue<int>().Should().Be(Expected.Round);
        if (Expected.AgreedLevels is null)
        {
            negotiation["agreement"].Should().BeNull();
        }
        else
        {
            negotiation["agreement"]!.AsArray().Select(a => a!["tariff"]!.GetValue<double>()).Should().Equal(Expected.AgreedLevels);
        }

        negotiation["utility"]!["CAN"]!.GetValue<double>().Should().BeApproximately(Expected.Utility["CAN"], 1e-9);
        negotiation["gain"]!["IDN"]!.GetValue<double>().Should().BeApproximately(Expected.Gain["IDN"], 1e-9 * Math.Abs(Expected.Gain["IDN"]));
        negotiation.AsObject().ContainsKey("agreement").Should().BeTrue("agreement is written even when null");
        var analysis = negotiation["analysis"]!;
        analysis.AsObject().Select(p => p.Key).Should().Equal(
            "pareto_distance", "nash_distance", "pareto_size", "pareto_epsilon", "nash", "kalai_smorodinsky", "max_social_welfare");
        analysis["pareto_distance"]!.GetValue<double>().Should().BeGreaterThanOrEqualTo(0);
        analysis["nash"]!["outcome"]![0]!.AsObject().Select(p => p.Key).Should().Equal("importer", "exporter", "sector", "tariff");
        analysis["nash"]!["utility"]!.AsObject().Select(p => p.Key).Should().Equal("CAN", "IDN");
        printed["countries"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).Should().Equal("CAN", "IDN", "ROW");
        var canada = printed["countries"]![0]!;
        canada["objective"]!["kind"]!.GetValue<string>().Should().Be("mercantilist");
        canada["measures"]!["mercantilist"]!.GetValue<double>().Should().Be(canada["objective"]!["value"]!.GetValue<double>());
        canada.AsObject().Select(p => p.Key).Should().StartWith(["id", "welfare", "objective"], "welfare leads, the objective beside it");
        canada["welfare"]!.AsObject().Select(p => p.Key).Should().Equal("total", "consumer_surplus", "tariff_revenue", "producer_surplus");
        canada["objective"]!.AsObject().Select(p => p.Key).Should().Equal("kind", "name", "value");
        canada["objective"]!["name"]!.GetValue<string>().Should().Be("mercantilist score");
        negotiation.AsObject().Select(p => p.Key).Should().ContainInOrder("gain", "gain_measure");
        negotiation["gain_measure"]!.AsObject().Select(p => (p.Key, p.Value!.GetValue<string>())).Should().Equal(("CAN", "mercantilist score"), ("IDN", "mercantilist score"));
        canada["exports"]!["before"]!["IDN"]!.GetValue<double>().Should().Be(2400, "40 + 30 + 60 + 50 on the table and 2,220 duty-free in the scenario's trade");
        printed["timings"]!["wall_seconds"]!.GetValue<double>().Should().BePositive();
    }

    [Fact]
    public async Task A_scenario_with_an_event_runs_and_lists_the_event_as_applied()
    {
        var scenario = Path.Combine(RepositoryPaths.Root, "tests", "Simulation.Client.Tests", "Scenarios", "with-events.yaml");

        var json = await TradeSimProcess.RunAsync("run", scenario, "--format", "json");
        var table = await TradeSimProcess.RunAsync("run", scenario);

        json.ExitCode.Should().Be(0, json.Stderr);
        var printed = JsonNode.Parse(json.Stdout)!;
        // The file's one event: the USA's duty on Canada in every sector (it trades only goods) to 35% at round 2.
        printed["events"]!.ToJsonString().Should().Be(
            """[{"round":2,"type":"set-tariff","importer":"USA","exporter":"CAN","sector":"*","tariff":35,"sectors":["goods"]}]""");
        table.ExitCode.Should().Be(0, table.Stderr);
        table.Stdout.Should().Contain("Events").And.Contain("USA sets its tariff on CAN in every sector to 35% (goods)");
    }

    [Fact]
    public async Task A_negotiation_that_starts_at_round_3_plays_its_60_rounds_from_there()
    {
        var scenario = Path.Combine(RepositoryPaths.Root, "tests", "Simulation.Client.Tests", "Scenarios", "late-start.yaml");

        var run = await TradeSimProcess.RunAsync("run", scenario, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        var printed = JsonNode.Parse(run.Stdout)!;
        var negotiation = printed["negotiations"]![0]!;
        // Its deadline (60 rounds, and no deal in the file's stylised world) counts from its opening at run round 3: 2 + 60.
        (negotiation["status"]!.GetValue<string>(), negotiation["round"]!.GetValue<int>()).Should().Be(("deadline", 60));
        printed["rounds_played"]!.GetValue<int>().Should().Be(62);
    }

    [Fact]
    public async Task Same_scenario_and_seed_give_byte_identical_json_apart_from_timings()
    {
        var first = await TradeSimProcess.RunAsync("run", Shipped, "--format", "json", "--seed", "3");
        var second = await TradeSimProcess.RunAsync("run", Shipped, "--format", "json", "--seed", "3");

        first.ExitCode.Should().Be(0, first.Stderr);
        second.ExitCode.Should().Be(0, second.Stderr);
        WithoutTimings(JsonNode.Parse(first.Stdout)!).Should().Be(WithoutTimings(JsonNode.Parse(second.Stdout)!));
        StripTimingsText(first.Stdout).Should().Be(StripTimingsText(second.Stdout), "byte for byte, not just equal as JSON");
    }

    private static string WithoutTimings(JsonNode outcome)
    {
        var copy = outcome.DeepClone().AsObject();
        copy.Remove("timings");
        return copy.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static string StripTimingsText(string json) => json[..json.IndexOf("\"timings\"", StringComparison.Ordinal)];
}
