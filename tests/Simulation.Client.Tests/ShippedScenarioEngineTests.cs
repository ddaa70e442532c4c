using System.Text.RegularExpressions;

namespace Simulation.Client.Tests;

/// <summary>
/// Every shipped scenario (scenarios/**/*.yaml, listed as <see cref="ShippedScenarioTests"/> lists
/// them, so a new one is covered at once) played through the command a user types by both engines
/// (issue 16): the tables on stdout, the <c>--trace</c> and <c>--frontier</c> CSV byte for byte, and
/// the <c>--out</c> outcome but for its <c>timings</c>, the one part of an outcome that is not
/// deterministic (DESIGN §5.2). The grains engine plays a run as messages between run, negotiation
/// and country grains on an embedded silo; the local engine with plain objects in one process. One
/// process per scenario and engine writes all four.
/// </summary>
public sealed partial class ShippedScenarioEngineTests : IDisposable
{
    [GeneratedRegex("\"timings\": \\{[^}]*\\}")]
    private static partial Regex Timings();

    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-engines-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Theory]
    [MemberData(nameof(ShippedScenarioTests.Shipped), MemberType = typeof(ShippedScenarioTests))]
    public async Task Both_engines_print_and_write_the_same_outcome(string file)
    {
        var local = await PlayAsync(file, "local");
        var grains = await PlayAsync(file, "grains");

        grains.Stdout.Should().Be(local.Stdout, "the tables on stdout");
        grains.Trace.Should().Be(local.Trace, "the --trace CSV");
        grains.Frontier.Should().Be(local.Frontier, "the --frontier CSV");
        grains.Outcome.Should().Be(local.Outcome, "the outcome JSON, timings apart");
        // Not vacuous: each file was written (a calibration world, with no table, has headers alone).
        local.Trace.Should().StartWith("run,negotiation,");
        local.Frontier.Should().StartWith("negotiation,point,");
        local.Outcome.Should().Contain("\"negotiations\"");
    }

    private async Task<(string Stdout, string Trace, string Frontier, string Outcome)> PlayAsync(string file, string engine)
    {
        var directory = Directory.CreateDirectory(Path.Combine(scratch, engine)).FullName;
        var (trace, frontier, outcome) = (Path.Combine(directory, "trace.csv"), Path.Combine(directory, "frontier.csv"), Path.Combine(directory, "outcome.json"));
        var result = await TradeSimProcess.RunAsync("run", file, "--engine", engine, "--trace", trace, "--frontier", frontier, "--out", outcome, "--history");
        result.ExitCode.Should().Be(0, "{0} on the {1} engine: {2}", file, engine, result.Stderr);
        var json = File.ReadAllText(outcome);
        Timings().Matches(json).Should().ContainSingle().Which.Value.Should().Contain($"\"engine\": \"{engine}\"");
        return (result.Stdout, File.ReadAllText(trace), File.ReadAllText(frontier), Timings().Replace(json, ""));
    }
}
