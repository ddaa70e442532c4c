using System.Text.Json;
using System.Text.Json.Nodes;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>`tradesim run` end to end, as a process, on the shipped scenario.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-tests-").FullName;
    private static readonly string Shipped = Path.Combine("scenarios", "canada-indonesia.yaml");

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task Prints_the_outcome_as_tables()
    {
        var result = await TradeSimProcess.RunAsync("run", Shipped);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("Canada–Indonesia CEPA (stylised)").And.Contain("Negotiations").And.Contain("CAN-IDN").And.Contain("Countries");
        result.Stdout.Should().MatchRegex("agreed|deadline");
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
        negotiation["utility"]!["CAN"]!.GetValue<double>().Should().BeInRange(0, 1);
        negotiation.AsObject().ContainsKey("agreement").Should().BeTrue("agreement is written even when null");
        printed["countries"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).Should().Equal("CAN", "IDN", "ROW");
        var canada = printed["countries"]![0]!;
        canada["objective"]!["kind"]!.GetValue<string>().Should().Be("mercantilist");
        canada["measures"]!["mercantilist"]!.GetValue<double>().Should().Be(canada["objective"]!["value"]!.GetValue<double>());
        canada["welfare"]!.AsObject().Select(p => p.Key).Should().Equal("consumer_surplus", "tariff_revenue", "producer_surplus", "total");
        canada["exports"]!["before"]!["IDN"]!.GetValue<double>().Should().Be(180, "40 + 30 + 60 + 50 in the scenario's trade");
        printed["timings"]!["wall_seconds"]!.GetValue<double>().Should().BePositive();
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
