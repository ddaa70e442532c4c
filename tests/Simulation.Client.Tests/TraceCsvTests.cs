using System.Globalization;
using System.Text.Json.Nodes;
using Simulation.Model.Economics;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>
/// `run --trace FILE.csv`: one row per turn (DESIGN §6.4) agreeing with the outcome JSON's
/// per-negotiation history, written like --out (checked before the run, replaced whole).
/// </summary>
public sealed class TraceCsvTests : IDisposable
{
    private static readonly string Canola = Path.Combine("scenarios", "canada-china-canola.yaml");
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-trace-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task Writes_one_row_per_turn_agreeing_with_the_json_history()
    {
        var file = Path.Combine(scratch, "trace.csv");

        var result = await TradeSimProcess.RunAsync("run", Canola, "--format", "json", "--history", "--trace", file);

        result.ExitCode.Should().Be(0, result.Stderr);
        var rows = FrontierCsvTests.Parse(File.ReadAllText(file));
        rows[0].Should().Equal("run", "negotiation", "round", "turn", "party", "action", "offer", "utilities");
        var json = JsonNode.Parse(result.Stdout)!;
        var expected = new List<List<string>>();
        foreach (var negotiation in json["negotiations"]!.AsArray())
        {
            foreach (var turn in negotiation!["history"]!.AsArray())
            {
                expected.Add([
                    negotiation["id"]!.GetValue<string>(),
                    turn!["round"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture),
                    turn["turn"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture),
                    turn["party"]!.GetValue<string>(),
                    turn["action"]!.GetValue<string>(),
                    turn["offer"] is { } offer ? Describe(offer) : "",
                    turn["utility"] is JsonObject utility ? string.Join("; ", utility.Select(u => $"{u.Key}={Number(u.Value!)}")) : "",
                ]);
            }
        }

        expected.Should().NotBeEmpty();
        rows.Skip(1).Select(r => r[1..]).Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
        rows.Skip(1).Select(r => r[0]).Distinct().Should().ContainSingle().Which.Should().StartWith("run-");
    }

    [Fact]
    public async Task The_outcome_holds_the_histories_only_with_history_and_is_otherwise_the_same()
    {
        var (bare, full) = (Path.Combine(scratch, "bare.json"), Path.Combine(scratch, "full.json"));

        var without = await TradeSimProcess.RunAsync("run", Canola, "--engine", "local", "--out", bare);
        var with = await TradeSimProcess.RunAsync("run", Canola, "--engine", "local", "--out", full, "--history");

        without.ExitCode.Should().Be(0, without.Stderr);
        with.ExitCode.Should().Be(0, with.Stderr);
        var (left, right) = (JsonNode.Parse(File.ReadAllText(bare))!, JsonNode.Parse(File.ReadAllText(full))!);
        left["negotiations"]!.AsArray().Should().AllSatisfy(n => n!.AsObject().ContainsKey("history").Should().BeFalse());
        right["negotiations"]!.AsArray().Should().AllSatisfy(n => n!["history"]!.AsArray().Should().NotBeEmpty());
        // Take the histories and the timings away and the two files say the same.
        foreach (var negotiation in right["negotiations"]!.AsArray())
        {
            negotiation!.AsObject().Remove("history");
        }

        left.AsObject().Remove("timings");
        right.AsObject().Remove("timings");
        right.ToJsonString().Should().Be(left.ToJsonString());
    }

    [Fact]
    public async Task The_first_offers_of_canola_are_each_side_s_best_outcome_valued_by_brute_force()
    {
        var file = Path.Combine(scratch, "trace.csv");

        var result = await TradeSimProcess.RunAsync("run", Canola, "--trace", file);

        result.ExitCode.Should().Be(0, result.Stderr);
        var rows = FrontierCsvTests.Parse(File.ReadAllText(file));

        // Each side's utility of each outcome by brute force (ReferenceAnalysis: every outcome applied
        // to the base world, the world solved whole, V = U(world ⊕ ω) − U(world), then
        // u = (V − min) / (max − min) over the outcomes, DESIGN §4.2). Each side opens with its best
        // outcome, utility 1 to itself by that definition.
        var scenario = ScenarioLoader.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, Canola)), Canola);
        var outcomes = ReferenceAnalysis.Of(scenario, scenario.Negotiation("CAN-CHN"), World.FromScenario(scenario), null).Outcomes;
        var canadasBest = outcomes.MaxBy(p => p.Gains[0])!;
        var chinasBest = outcomes.MaxBy(p => p.Gains[1])!;

        // What the economics says before any number: Canada gains most from free trade in both
        // sectors (China's canola duty gone and its own EV tariff gone, its political objective
        // weighing canola growers), China most from keeping its canola duty and Canada's EV tariff gone.
        canadasBest.Tariffs.Should().Equal(0, 0);
        chinasBest.Tariffs.Should().Equal(9, 0);

        rows[1].Take(7).Should().Equal(rows[1][0], "CAN-CHN", "1", "1", "CAN", "offer", "CHN:CAN:canola_seed=0; CAN:CHN:electric_vehicles=0");
        Utilities(rows[1][7]).Should().HaveCount(2);
        Utilities(rows[1][7])["CAN"].Should().BeApproximately(1, 1e-12);
        Utilities(rows[1][7])["CHN"].Should().BeApproximately(canadasBest.Utilities[1], 1e-9);

        rows[2].Take(7).Should().Equal(rows[1][0], "CAN-CHN", "1", "2", "CHN", "offer", "CHN:CAN:canola_seed=9; CAN:CHN:electric_vehicles=0");
        Utilities(rows[2][7])["CAN"].Should().BeApproximately(chinasBest.Utilities[0], 1e-9);
        Utilities(rows[2][7])["CHN"].Should().BeApproximately(1, 1e-12);
    }

    public static TheoryData<string, string> BadPaths => new()
    {
        { "{scratch}", "is a directory" },
        { "{scratch}/no/such/trace.csv", "does not exist" },
        { "", "expected a file path" },
        { "{scratch}/outcome.json", "is the file --out writes" },
        { "{scratch}/frontier.csv", "is the file --frontier writes" },
    };

    [Theory]
    [MemberData(nameof(BadPaths))]
    public async Task A_path_that_cannot_be_written_is_refused_before_the_run(string path, string reason)
    {
        path = path.Replace("{scratch}", scratch, StringComparison.Ordinal);

        var result = await TradeSimProcess.RunAsync(
            "run", Canola, "--out", Path.Combine(scratch, "outcome.json"), "--frontier", Path.Combine(scratch, "frontier.csv"), "--trace", path);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"--trace '{path}'").And.Contain(reason).And.NotContain(" at Simulation.");
        result.Stdout.Should().BeEmpty("nothing is run");
        Directory.GetFileSystemEntries(scratch).Should().BeEmpty("no file is written");
    }

    [Fact]
    public async Task The_scenario_file_itself_is_refused_before_the_run()
    {
        var scenario = Path.Combine(scratch, "scenario.yaml");
        File.Copy(Path.Combine(RepositoryPaths.Root, Canola), scenario);
        var before = File.ReadAllText(scenario);

        var result = await TradeSimProcess.RunAsync("run", scenario, "--trace", scenario);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain("scenario file");
        File.ReadAllText(scenario).Should().Be(before);
    }

    private static Dictionary<string, double> Utilities(string field) =>
        field.Split("; ").Select(p => p.Split('=')).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));

    private static string Number(JsonNode value) => value.GetValue<double>().ToString("R", CultureInfo.InvariantCulture);

    private static string Describe(JsonNode outcome) =>
        string.Join("; ", outcome.AsArray().Select(e => e!["tariff"] is { } tariff
            ? $"{e["importer"]}:{e["exporter"]}:{e["sector"]}={Number(tariff)}"
            : $"{e["issue"]}={e["value"]}"));
}
