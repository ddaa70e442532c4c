using System.Text.Json;
using System.Text.Json.Nodes;

namespace Simulation.Client.Tests;

/// <summary>
/// `tradesim bench` (DESIGN §7): it runs and reports what it measured in the shape scripts read.
/// No figure is compared with a speed: speed is the bench's to measure, never a test's to assert.
/// </summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-bench-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task A_quick_bench_prints_json_in_the_documented_shape_with_positive_finite_figures_and_draws_the_cost_charts()
    {
        var plots = Path.Combine(scratch, "plots");

        var result = await TradeSimProcess.RunAsync("bench", "--quick", "--format", "json", "--plots", plots);

        result.ExitCode.Should().Be(0, result.Stderr);
        var json = JsonNode.Parse(result.Stdout)!.AsObject();
        Keys(json).Should().Equal("w1", "world");
        var w1 = json["w1"]!.AsObject();
        Keys(w1).Should().Equal("local", "grains");
        Keys(w1["local"]!.AsObject()).Should().Equal("negotiations_per_second", "microseconds_per_turn", "bytes_allocated_per_negotiation");
        Keys(w1["grains"]!.AsObject()).Should().Equal("negotiations_per_second", "empty_calls_per_second", "turn_cost_ratio");
        foreach (var figure in w1["local"]!.AsObject().Concat(w1["grains"]!.AsObject()))
        {
            PositiveFinite(figure.Value!).Should().BeTrue($"w1.{figure.Key} is {figure.Value}");
        }

        var world = json["world"]!.AsArray().Select(w => w!.AsObject()).ToList();
        world.Should().AllSatisfy(w => Keys(w).Should().Equal(
            "countries", "engine", "negotiations", "seconds", "peak_memory_mb", "microseconds_per_negotiation_round"));
        // --quick plays worlds of 3 and 5 countries on both engines; every pair of countries
        // negotiates: 3·2/2 = 3 and 5·4/2 = 10 negotiations.
        world.Select(w => (w["countries"]!.GetValue<int>(), w["engine"]!.GetValue<string>(), w["negotiations"]!.GetValue<int>()))
            .Should().Equal((3, "local", 3), (3, "grains", 3), (5, "local", 10), (5, "grains", 10));
        world.SelectMany(w => new[] { w["seconds"]!, w["peak_memory_mb"]!, w["microseconds_per_negotiation_round"]! })
            .Should().AllSatisfy(n => PositiveFinite(n).Should().BeTrue($"{n} is a world figure"));

        // One line per engine on each chart: the palette's first two colours.
        foreach (var chart in new[] { "world-seconds.png", "world-cost-per-round.png" })
        {
            var path = Path.Combine(plots, chart);
            File.Exists(path).Should().BeTrue(result.Stderr);
            PngPixels.Near(path, PngPixels.Blue).Should().BePositive();
            PngPixels.Near(path, PngPixels.Orange).Should().BePositive();
        }
    }

    [Fact]
    public async Task Bench_w1_prints_the_in_process_table_alone()
    {
        var result = await TradeSimProcess.RunAsync("bench", "w1", "--quick");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("W1 in process").And.Contain("negotiations/s").And.Contain("µs per turn")
            .And.Contain("bytes allocated per negotiation");
        result.Stdout.Should().NotContain("W1 through grains").And.NotContain("World benchmark");
        result.Stderr.Should().Contain("bench on ").And.Contain(" cores");
    }

    [Theory]
    [InlineData("unknown benchmark 'wl': expected one of w1, grains, world, all; did you mean 'w1'?", "bench", "wl")]
    [InlineData("--format 'xml': expected table or json", "bench", "--format", "xml")]
    [InlineData("--countries '1,5': expected numbers of countries from 2 to 110", "bench", "world", "--countries", "1,5")]
    [InlineData("--countries 'ten': expected numbers of countries", "bench", "--countries", "ten")]
    [InlineData("--countries '10': sets the world sizes, so it needs world or all", "bench", "w1", "--countries", "10")]
    [InlineData("--plots 'out': draws the world benchmark's cost against the number of countries, so it needs world or all", "bench", "grains", "--plots", "out")]
    [InlineData("unknown option '--fast'", "bench", "--fast")]
    public async Task Bad_arguments_exit_with_2_and_say_what_is_wrong_before_measuring_anything(string message, params string[] args)
    {
        var result = await TradeSimProcess.RunAsync(args);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain(message);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().NotContain("bench on", "nothing was measured");
        CommandLineAssertions.NoStackTrace(result);
    }

    [Fact]
    public async Task Ctrl_c_stops_the_bench_with_exit_1_and_prints_no_figures()
    {
        using var bench = TradeSimProcess.Start(["bench", "w1"]);
        await bench.WaitForStderrLineAsync(line => line.StartsWith("bench on ", StringComparison.Ordinal));
        await bench.SignalGroupAsync("INT");
        var result = await bench.WaitForExitAsync();

        result.ExitCode.Should().Be(1, result.Stderr);
        result.Stderr.Should().Contain("cancelled");
        result.Stdout.Should().BeEmpty();
        CommandLineAssertions.NoStackTrace(result);
    }

    private static List<string> Keys(JsonObject json) => [.. json.Select(p => p.Key)];

    private static bool PositiveFinite(JsonNode node) =>
        node.GetValueKind() == JsonValueKind.Number && node.GetValue<double>() is var x && double.IsFinite(x) && x > 0;
}
