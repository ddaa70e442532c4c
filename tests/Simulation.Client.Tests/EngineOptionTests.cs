using System.Text.RegularExpressions;

namespace Simulation.Client.Tests;

/// <summary>`run --engine grains|local`: the in-process engine prints what the grains print, with no silo.</summary>
public sealed partial class EngineOptionTests
{
    private static readonly string Canola = Path.Combine("scenarios", "canada-china-canola.yaml");

    [GeneratedRegex("\"timings\": \\{[^}]*\\}")]
    private static partial Regex Timings();

    [Theory]
    [InlineData("json")]
    [InlineData("table")]
    public async Task Local_prints_what_the_grains_print(string format)
    {
        var grains = await TradeSimProcess.RunAsync("run", Canola, "--format", format);
        var local = await TradeSimProcess.RunAsync("run", Canola, "--format", format, "--engine", "local");

        (local.ExitCode, grains.ExitCode).Should().Be((0, 0), local.Stderr + grains.Stderr);
        // Timings are the one part of an outcome that is not deterministic (DESIGN §5.2).
        Timings().Replace(local.Stdout, "").Should().Be(Timings().Replace(grains.Stdout, ""));
        local.Stdout.Should().Contain("CAN-CHN");
    }

    [Theory]
    [InlineData(new[] { "--engine", "orleans" }, "expected grains or local")]
    [InlineData(new[] { "--engine", "local", "--gateway", "127.0.0.1:30000" }, "--gateway needs --engine grains")]
    public async Task A_bad_engine_is_refused_before_the_run(string[] options, string reason)
    {
        var result = await TradeSimProcess.RunAsync(["run", Canola, .. options]);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain("--engine").And.Contain(reason).And.NotContain(" at Simulation.");
        result.Stdout.Should().BeEmpty();
    }

    [Theory]
    [InlineData("local", false)]
    [InlineData("grains", true)]
    public async Task The_timings_say_which_engine_played_the_run(string engine, bool embedded)
    {
        var result = await TradeSimProcess.RunAsync("run", Canola, "--format", "json", "--engine", engine);

        result.ExitCode.Should().Be(0, result.Stderr);
        var timings = System.Text.Json.Nodes.JsonNode.Parse(result.Stdout)!["timings"]!;
        timings["engine"]!.GetValue<string>().Should().Be(engine);
        timings["embedded_silo"]!.GetValue<bool>().Should().Be(embedded);
    }
}
