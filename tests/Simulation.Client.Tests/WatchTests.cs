using System.Globalization;
using System.Text.Json.Nodes;

namespace Simulation.Client.Tests;

/// <summary>
/// `run --watch` (DESIGN §5.4): the run shown as it plays, on stderr. Off a terminal (as here, where
/// stderr is a pipe) it is a plain block per round with no escape codes: the round clock, every
/// negotiation's status, rounds against its deadline, standing offer in tariffs, who made it and each
/// party's utility of it, and the events as they fire. The expected blocks are read from the outcome
/// JSON's own history and events, which the outcome writer makes from the run's result, not from
/// the progress updates the watch shows.
/// </summary>
public sealed class WatchTests : IDisposable
{
    private static readonly string Pivot = Path.Combine("scenarios", "canada-asia-pivot.yaml");
    private const string PivotName = "Canada's Asia pivot (November 2025)";

    /// <summary>
    /// The pivot's horizon at its start: CAN-CHN's `rounds: 30` from round 1 (USA-CAN and CAN-IDN have
    /// 20; CAN-MYS and CAN-PHL wait for events and are not counted until they open).
    /// </summary>
    private const int PivotFirstHorizon = 30;

    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-watch-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Theory]
    [InlineData("grains")]
    [InlineData("local")]
    public async Task Watching_a_run_leaves_its_outcome_json_byte_identical_apart_from_timings(string engine)
    {
        var plain = await TradeSimProcess.RunAsync("run", Pivot, "--engine", engine, "--format", "json", "--history");
        var watched = await TradeSimProcess.RunAsync("run", Pivot, "--engine", engine, "--format", "json", "--history", "--watch", "--pace", "1ms");

        plain.ExitCode.Should().Be(0, plain.Stderr);
        watched.ExitCode.Should().Be(0, watched.Stderr);
        watched.Stderr.Should().Contain($"{PivotName}: completed after round", "the watch was shown");
        UpToTimings(watched.Stdout).Should().Be(UpToTimings(plain.Stdout));
    }

    [Theory]
    [InlineData("grains")]
    [InlineData("local")]
    public async Task Off_a_terminal_the_watch_prints_a_plain_block_per_round_ending_with_the_outcome_and_its_offers(string engine)
    {
        var result = await TradeSimProcess.RunAsync("run", Pivot, "--engine", engine, "--format", "json", "--history", "--watch");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stderr.Should().NotContain("\u001b", "stderr is not a terminal: no escape codes");
        var outcome = JsonNode.Parse(result.Stdout)!;
        var rounds = outcome["rounds_played"]!.GetValue<int>();
        var blocks = Blocks(result.Stderr);

        // A block after every round, then one for the end.
        blocks.Select(b => b[0]).Should().Equal(
            Enumerable.Range(1, rounds).Select(r => $"{PivotName}: round {r} of ").Append($"{PivotName}: completed after round {rounds}"),
            (line, expected) => line.StartsWith(expected, StringComparison.Ordinal));

        // The clock counts towards the horizon: 30 at first; in the last round every table has ended,
        // so the run can reach no further than that round (CAN-PHL, opened in round 21 with 20 rounds,
        // would have gone to 40 had it not agreed).
        blocks[0][0].Should().StartWith($"{PivotName}: round 1 of {PivotFirstHorizon}, ");
        blocks[^2][0].Should().StartWith($"{PivotName}: round {rounds} of {rounds}, ");

        // The last block: every negotiation as the outcome has it.
        var negotiations = outcome["negotiations"]!.AsArray().OrderBy(n => Text(n!["id"]), StringComparer.Ordinal).ToList();
        blocks[^1].Skip(1).Where(l => !l.StartsWith("  event ", StringComparison.Ordinal)).Should().Equal(negotiations.Select(n => NegotiationLine(n!)));

        // Each event once, in the block of the round it fired in.
        var events = outcome["events"]!.AsArray();
        var eventLines = blocks.SelectMany(b => b.Where(l => l.StartsWith("  event ", StringComparison.Ordinal)).Select(l => (Header: b[0], Line: l))).ToList();
        eventLines.Should().HaveCount(events.Count);
        foreach (var (fired, shown) in events.Zip(eventLines))
        {
            var round = fired!["round"]!.GetValue<int>();
            shown.Header.Should().StartWith($"{PivotName}: round {round} of ");
            // A negotiation's event names it; a tariff set names its line (importer:exporter:sector).
            var names = fired["negotiation"] is { } negotiation
                ? Text(negotiation)
                : $"{Text(fired["importer"])}:{Text(fired["exporter"])}:{Text(fired["sector"])}";
            shown.Line.Should().StartWith($"  event round {round}: ").And.Contain(names);
        }
    }

    [Fact]
    public async Task The_watch_shows_the_same_blocks_for_the_local_engine_as_for_the_grains()
    {
        var grains = await TradeSimProcess.RunAsync("run", Pivot, "--format", "json", "--history", "--watch");
        var local = await TradeSimProcess.RunAsync("run", Pivot, "--engine", "local", "--format", "json", "--history", "--watch");

        grains.ExitCode.Should().Be(0, grains.Stderr);
        local.ExitCode.Should().Be(0, local.Stderr);
        Blocks(local.Stderr).SelectMany(b => b).Should().Equal(Blocks(grains.Stderr).SelectMany(b => b));
    }

    /// <summary>
    /// What a negotiation's line says at the end, from its outcome: the standing offer is the
    /// outcome of its last turn with one (the agreement, if any), made by the last party that offered
    /// it, with each party's utility of it in party order, as the history values it.
    /// </summary>
    private static string NegotiationLine(JsonNode negotiation)
    {
        var id = Text(negotiation["id"]);
        var spec = $"  {id}: {Text(negotiation["status"])}, round {negotiation["round"]!.GetValue<int>()} / {Deadline(id)}, ";
        var history = negotiation["history"]!.AsArray().Select(t => t!).ToList();
        var standing = history.LastOrDefault(t => t["offer"] is JsonArray);
        if (standing is null)
        {
            return spec + "no offer yet";
        }

        var offer = Describe(standing["offer"]!);
        var by = history.Last(t => Text(t["action"]) == "offer" && Describe(t["offer"]!) == offer);
        var utilities = negotiation["parties"]!.AsArray().Select(p => $"{Text(p)} {standing["utility"]![Text(p)]!.GetValue<double>().ToString("0.000", CultureInfo.InvariantCulture)}");
        return spec + $"offer by {Text(by["party"])}: {offer}; utilities {string.Join(", ", utilities)}";
    }

    /// <summary>The pivot's deadlines, read from the scenario file: CAN-CHN 30, CAN-MYS 10, the rest the file's default of 20.</summary>
    private static int Deadline(string negotiation) => negotiation switch
    {
        "CAN-CHN" => 30,
        "CAN-MYS" => 10,
        _ => 20,
    };

    private static string Describe(JsonNode outcome) =>
        string.Join("; ", outcome.AsArray().Select(e =>
            $"{Text(e!["importer"])}:{Text(e["exporter"])}:{Text(e["sector"])}={e["tariff"]!.GetValue<double>().ToString("R", CultureInfo.InvariantCulture)}"));

    private static string Text(JsonNode? node) => node!.GetValue<string>();

    /// <summary>The watch's blocks: each starts with a line naming the scenario and holds the indented lines after it.</summary>
    internal static List<List<string>> Blocks(string stderr)
    {
        var blocks = new List<List<string>>();
        foreach (var line in stderr.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.StartsWith(PivotName + ": ", StringComparison.Ordinal) || line.StartsWith("Stalemate: ", StringComparison.Ordinal))
            {
                blocks.Add([line]);
            }
            else if (line.StartsWith("  ", StringComparison.Ordinal) && blocks.Count > 0)
            {
                blocks[^1].Add(line);
            }
        }

        return blocks;
    }

    private static string UpToTimings(string json) => json[..json.IndexOf("\"timings\"", StringComparison.Ordinal)];
}
