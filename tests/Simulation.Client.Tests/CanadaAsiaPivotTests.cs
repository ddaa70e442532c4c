using System.Globalization;
using System.Text.Json.Nodes;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>
/// `tradesim run scenarios/canada-asia-pivot.yaml`, as a new user runs it: the story the file tells
/// in its opening comment (the US ends its talks at round 5, the Philippine talks open when the CEPA
/// is agreed, the Malaysian ones when the US walks out) holds in the outcome, and the printed output
/// tells it as a timeline and reports Canada's exports outside the US before and after.
/// </summary>
public sealed class CanadaAsiaPivotTests
{
    private static readonly string Shipped = Path.Combine("scenarios", "canada-asia-pivot.yaml");

    // Canada's exports in the calibration world, by construction (its opening comment): C$712bn in
    // all (row 1 of the reference data), of which US$412.7bn to the US (row 2) at 1.37 C$/US$ = C$565,399m.
    private const double CanadaExports = 712_000;
    private const double CanadaExportsToUs = 412_700 * 1.37;

    [Fact]
    public void The_2024_calibration_world_gives_Canada_C712bn_of_exports_of_which_C565bn_go_to_the_US()
    {
        var scenario = ScenarioLoader.LoadFile(RepositoryPaths.Scenario(Path.Combine("calibration", "canada-asia-pivot-2024.yaml")));
        var canada = scenario.Trade.Where(t => t.Exporter == "CAN").ToList();

        canada.Sum(t => t.Value).Should().BeApproximately(CanadaExports, 1e-6);
        canada.Where(t => t.Importer == "USA").Sum(t => t.Value).Should().BeApproximately(CanadaExportsToUs, 1e-6);
    }

    [Fact]
    public void The_november_2025_world_sells_less_to_the_US_and_China_than_2024_did_and_as_much_to_the_partners_whose_tariffs_did_not_move()
    {
        // The calibration moves only the lines the US, China and Canada changed in 2024-25, so
        // Indonesia, the Philippines, Malaysia and Korea buy from Canada what they bought in 2024.
        var november = ScenarioLoader.LoadFile(RepositoryPaths.Scenario("canada-asia-pivot.yaml")).Trade.Where(t => t.Exporter == "CAN").ToList();
        var calibration = ScenarioLoader.LoadFile(RepositoryPaths.Scenario(Path.Combine("calibration", "canada-asia-pivot-2024.yaml"))).Trade.Where(t => t.Exporter == "CAN").ToList();
        double To(IEnumerable<TradeFlow> flows, string importer) => flows.Where(t => t.Importer == importer).Sum(t => t.Value);

        To(november, "USA").Should().BeLessThan(To(calibration, "USA"));
        To(november, "CHN").Should().BeLessThan(To(calibration, "CHN"));
        foreach (var partner in new[] { "IDN", "PHL", "MYS", "KOR" })
        {
            To(november, partner).Should().Be(To(calibration, partner), partner);
        }
    }

    [Fact]
    public async Task The_US_ends_its_talks_at_round_5_and_the_deferred_talks_open_the_round_after_the_talks_they_wait_for_end()
    {
        var outcome = await RunJson();
        var negotiations = outcome["negotiations"]!.AsArray().ToDictionary(n => n!["id"]!.GetValue<string>(), n => n!);
        var events = outcome["events"]!.AsArray().Select(e => e!).ToList();

        // The file: `{ round: 5, type: terminate, negotiation: USA-CAN, by: USA }`; USA-CAN opens at
        // round 1, so its own round 5 is the run's round 5.
        negotiations["USA-CAN"]["status"]!.GetValue<string>().Should().Be("terminated");
        negotiations["USA-CAN"]["round"]!.GetValue<int>().Should().Be(5);
        var terminate = events.Single(e => e["type"]!.GetValue<string>() == "terminate");
        terminate["round"]!.GetValue<int>().Should().Be(5);
        terminate["by"]!.GetValue<string>().Should().Be("USA");

        // A `when:` event fires at the start of the round after the negotiation it waits for ended.
        StartRound(events, "CAN-MYS").Should().Be(6, "USA-CAN ended at round 5");
        negotiations["CAN-IDN"]["status"]!.GetValue<string>().Should().Be("agreed");
        var cepaEnded = negotiations["CAN-IDN"]["round"]!.GetValue<int>();   // opened at round 1
        StartRound(events, "CAN-PHL").Should().Be(cepaEnded + 1);

        // Malaysia enters Canada duty free under the CPTPP and has nothing left to gain: no deal by
        // the deadline of its table (rounds: 10).
        negotiations["CAN-MYS"]["status"]!.GetValue<string>().Should().Be("deadline");
        negotiations["CAN-MYS"]["round"]!.GetValue<int>().Should().Be(10);
        negotiations["CAN-PHL"]["status"]!.GetValue<string>().Should().Be("agreed");
        negotiations["CAN-CHN"]["status"]!.GetValue<string>().Should().Be("agreed");
    }

    // The run's agreements and gains, pinned from `tradesim run` (seed 2025) and reached by the
    // independent replay too (ReferenceRun: brute force over every outcome, whole-world values). On
    // the run's clock: USA-CAN ends at 5 by the US's walk-out; CAN-MYS opens at 6 and runs its 10
    // rounds; CAN-IDN agrees in round 20 of 20, so CAN-PHL opens at 21 and agrees in its 18th, the
    // run's 38th; CAN-CHN agrees at 26, so the US's reaction to its EV cut fires at 27. Gains in CAD
    // millions.
    private static readonly PinnedNegotiation[] Pinned =
    [
        new("USA-CAN", "terminated", 5, null, new() { ["USA"] = 0, ["CAN"] = 0 }),
        // China: canola seed 84.8 → 47, meal and peas 105 → 5, pork and seafood 35 → 10; Canada: EVs 106.1 → 6.1.
        // (Round 27 and gains 2,884.44 / 1,019.63 in the incomplete world with C$1.5bn of other seed in
        // China; the same levels. With every seed supplier's total sales in its supply curve and the
        // home good against imports at half the Armington elasticity, Canada's and China's seed prices
        // move less, so a cut of the deposit is worth more to both, and the deal comes a round sooner.)
        new("CAN-CHN", "agreed", 26, [47, 5, 10, 6.1], new() { ["CAN"] = 3161.871026171455, ["CHN"] = 1137.1033932941368 }),
        // Indonesia frees Canada's agrifood; Canada frees tyres and keeps its 18% on apparel.
        new("CAN-IDN", "agreed", 20, [0, 18, 0], new() { ["CAN"] = 12.077471394361254, ["IDN"] = 93.383347089155 }),
        new("CAN-PHL", "agreed", 18, [0, 10, 9], new() { ["CAN"] = 178.9349779857314, ["PHL"] = 66.24750233053084 }),
        new("CAN-MYS", "deadline", 10, null, new() { ["CAN"] = 0, ["MYS"] = 0 }),
    ];

    [Fact]
    public async Task The_agreements_and_gains_are_those_pinned_here_and_the_independent_replay_reaches_them_too_move_by_move()
    {
        var scratch = Directory.CreateTempSubdirectory("tradesim-pivot-").FullName;
        var trace = Path.Combine(scratch, "trace.csv");
        var result = await TradeSimProcess.RunAsync("run", Shipped, "--format", "json", "--engine", "local", "--trace", trace);
        result.ExitCode.Should().Be(0, result.Stderr);
        var outcome = JsonNode.Parse(result.Stdout)!;
        var moves = File.ReadAllText(trace);
        Directory.Delete(scratch, recursive: true);
        var scenario = ScenarioLoader.LoadFile(RepositoryPaths.Scenario("canada-asia-pivot.yaml"));
        var replay = ReferenceRun.Play(scenario, scenario.Seed);

        outcome["rounds_played"]!.GetValue<int>().Should().Be(38);
        replay.RoundsPlayed.Should().Be(38);
        foreach (var pinned in Pinned)
        {
            pinned.ShouldBeIn(outcome);
            pinned.ShouldBeIn(replay);
        }

        replay.Events.Should().Equal((5, "terminate", "USA-CAN"), (6, "start", "CAN-MYS"), (21, "start", "CAN-PHL"), (27, "set-tariff", "USA<CAN"));
        outcome.ShouldMatchReplay(replay);
        moves.ShouldMatchReplayMoves(scenario, replay);
    }

    [Fact]
    public async Task Canadas_exports_outside_the_US_rise_from_21_4_percent_and_the_table_prints_the_share_computed_from_the_export_values()
    {
        var outcome = await RunJson();
        var canada = outcome["countries"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "CAN")!;
        var before = canada["exports"]!["before"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<double>());
        var after = canada["exports"]!["after"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<double>());

        // Computed here from the values, not from the outcome's shares.
        var outsideBefore = before.Where(p => p.Key != "USA").Sum(p => p.Value) / before.Values.Sum();
        var outsideAfter = after.Where(p => p.Key != "USA").Sum(p => p.Value) / after.Values.Sum();
        // The run's "before" is the file's November 2025 world: its values, at world prices 1.
        var file = ScenarioLoader.LoadFile(RepositoryPaths.Scenario("canada-asia-pivot.yaml")).Trade.Where(t => t.Exporter == "CAN").ToList();
        outsideBefore.Should().BeApproximately(file.Where(t => t.Importer != "USA").Sum(t => t.Value) / file.Sum(t => t.Value), 1e-12);
        outsideAfter.Should().BeGreaterThan(outsideBefore, "the China, CEPA and Philippine deals open markets outside the US, and the US's reaction to the EV cut closes part of it");
        // The one US tariff that changes is the reaction's, on vehicles (10 → 25); canola seed (C$237m to
        // the US, finite supply) moves too. So Canada sells the US less, by less than all its vehicles there.
        var vehiclesToUs = file.Single(t => t.Importer == "USA" && t.Sector == "vehicles").Value;
        after["USA"].Should().BeLessThan(before["USA"] - 237).And.BeGreaterThan(before["USA"] - vehiclesToUs - 237);

        var printed = await TradeSimProcess.RunAsync("run", Shipped, "--engine", "local");
        printed.ExitCode.Should().Be(0, printed.Stderr);
        var row = printed.Stdout.Split('\n').SkipWhile(l => !l.Contains("exports outside the largest partner", StringComparison.Ordinal))
            .First(l => l.Contains("│ CAN ", StringComparison.Ordinal));
        row.Split('│', StringSplitOptions.TrimEntries).Should().ContainInOrder(
            "CAN", "USA", $"{Percent(outsideBefore)} → {Percent(outsideAfter)}", "same");
        Percent(outsideBefore).Should().Be("21.4%");

        // The case study's excerpt of the story shows this very row.
        Documentation.Read("case-studies/canada-asia-pivot.md").Should().Contain(row.Trim());
    }

    [Fact]
    public async Task The_printed_output_tells_the_run_as_a_timeline_in_run_rounds()
    {
        var outcome = await RunJson();
        var negotiations = outcome["negotiations"]!.AsArray().ToDictionary(n => n!["id"]!.GetValue<string>(), n => n!);
        var phlOpened = StartRound(outcome["events"]!.AsArray().Select(e => e!).ToList(), "CAN-PHL");

        var result = await TradeSimProcess.RunAsync("run", Shipped, "--engine", "local");

        result.ExitCode.Should().Be(0, result.Stderr);
        var timeline = result.Stdout.Split('\n')
            .SkipWhile(l => !l.Contains("Timeline (run rounds)", StringComparison.Ordinal))
            .TakeWhile(l => !l.StartsWith('╰'))
            .Where(l => l.StartsWith("│ ", StringComparison.Ordinal) && !l.Contains("What it did", StringComparison.Ordinal))
            .Select(l => l.Split('│', StringSplitOptions.TrimEntries))
            .Select(cells => (Round: cells[1], What: cells[2], Detail: cells[3]))
            .ToList();

        timeline.Should().Contain(("5", "USA-CAN terminated", "ended by USA: no deal, tariffs unchanged; gains in mercantilist score USA 0.00, CAN 0.00 (CAD millions)"));
        timeline.Should().Contain(("6", "event: start", "CAN-MYS opens, as USA-CAN is terminated"));
        timeline.Should().Contain(e => e.Round == "27" && e.What == "event: set-tariff" && e.Detail.Contains("USA sets its tariff on CAN in vehicles to 25%", StringComparison.Ordinal));
        timeline.Should().Contain(e => e.What == "CAN-MYS deadline" && e.Round == "15", "it opened at round 6 and has 10 rounds");
        // CAN-PHL's own round counts from its opening: on the run's clock it ends later.
        var phlEnd = phlOpened + negotiations["CAN-PHL"]["round"]!.GetValue<int>() - 1;
        timeline.Should().Contain(e => e.What == "CAN-PHL agreed" && e.Round == phlEnd.ToString(CultureInfo.InvariantCulture)
            && e.Detail.Contains("PHL on CAN pork_seafood 15 → 0%", StringComparison.Ordinal));
        timeline.Select(e => int.Parse(e.Round, CultureInfo.InvariantCulture)).Should().BeInAscendingOrder();
    }

    private static async Task<JsonNode> RunJson()
    {
        var result = await TradeSimProcess.RunAsync("run", Shipped, "--format", "json", "--engine", "local");
        result.ExitCode.Should().Be(0, result.Stderr);
        return JsonNode.Parse(result.Stdout)!;
    }

    private static int StartRound(IReadOnlyList<JsonNode> events, string negotiation) =>
        events.Single(e => e["type"]!.GetValue<string>() == "start" && e["negotiation"]!.GetValue<string>() == negotiation)["round"]!.GetValue<int>();

    private static string Percent(double share) => share.ToString("0.0%", CultureInfo.InvariantCulture);
}
