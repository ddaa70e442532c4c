using System.Text.Json.Nodes;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>
/// The shipped US–Canada, Canada–China and Canada–ASEAN scenarios, as `tradesim run` plays them with
/// their own seeds: their agreements (status, round, the level agreed on each issue) and each party's
/// gain are pinned here, and, where the independent replay (<see cref="ReferenceRun"/>) can replay
/// the scenario, reached by it too. (The pivot is pinned in <see cref="CanadaAsiaPivotTests"/>.)
/// </summary>
public sealed class CanadaScenarioPinTests
{
    [Fact]
    public async Task US_Canada_ends_at_round_12_by_the_US_walk_out_with_nothing_agreed_in_the_run_and_in_the_replay()
    {
        var (outcome, scenario) = await Run("us-canada.yaml");
        var replay = ReferenceRun.Play(scenario, scenario.Seed);
        // The file's `{ round: 12, type: terminate, negotiation: USA-CAN, by: USA }`; the table opens at round 1.
        var pinned = new PinnedNegotiation("USA-CAN", "terminated", 12, null, new() { ["USA"] = 0, ["CAN"] = 0 });

        pinned.ShouldBeIn(outcome);
        pinned.ShouldBeIn(replay);
        outcome.ShouldMatchReplay(replay);
    }

    [Fact]
    public async Task Canada_China_agrees_in_round_22_on_the_pinned_levels_in_the_run_and_in_the_replay()
    {
        var (outcome, scenario) = await Run("canada-china.yaml");
        var replay = ReferenceRun.Play(scenario, scenario.Seed);
        // China: canola seed 84.8 → 9 (MFN), meal 105 → 5, oil 109 kept, peas 105 → 55, seafood 32 → 19.5,
        // pork 37 kept; Canada: its EV surtax 106.1 → 6.1 (no quota: level 0) and its steel surtax 25 → 0.
        // CAD millions. (Round 26, seed 46.9, meal, oil, peas, seafood and pork to MFN, the EV surtax dropped
        // with a quota of 2,200, and gains 2,544.74 /
        // 961.01 in the incomplete world: with every supplier's total sales the seed price China's
        // duty moves is that of Canada's whole crop, and home goods compete with imports at half the
        // Armington elasticity, so China gives up the seed deposit and keeps the oil surtax that
        // protects its crushers, as the January 2026 deal did.)
        var pinned = new PinnedNegotiation("CAN-CHN", "agreed", 22, [9, 5, 109, 55, 19.5, 37, 6.1, 0, 0],
            new() { ["CAN"] = 2875.5747370628105, ["CHN"] = 1137.4599821332724 });

        pinned.ShouldBeIn(outcome);
        pinned.ShouldBeIn(replay);
        outcome.ShouldMatchReplay(replay);
    }

    [Fact]
    public async Task Canada_ASEAN_reaches_its_deadline_with_no_deal_in_the_run_and_in_the_replay_move_by_move()
    {
        var path = RepositoryPaths.Scenario("canada-asean.yaml");
        var trace = Path.Combine(Directory.CreateTempSubdirectory("tradesim-asean-").FullName, "trace.csv");
        var result = await TradeSimProcess.RunAsync("run", path, "--format", "json", "--engine", "local", "--trace", trace);
        result.ExitCode.Should().Be(0, result.Stderr);
        var outcome = JsonNode.Parse(result.Stdout)!;
        var scenario = ScenarioLoader.LoadFile(path);
        var replay = ReferenceRun.Play(scenario, scenario.Seed);
        // PIN
        var pinned = new PinnedNegotiation("CAN-ASEAN", "deadline", 60, null, new() { ["CAN"] = 0, ["IDN"] = 0, ["PHL"] = 0, ["MYS"] = 0 });

        File.ReadAllText(trace).ShouldMatchReplayMoves(scenario, replay);
        Directory.Delete(Path.GetDirectoryName(trace)!, recursive: true);
        pinned.ShouldBeIn(outcome);
        pinned.ShouldBeIn(replay);
        outcome.ShouldMatchReplay(replay);
        outcome["rounds_played"]!.GetValue<int>().Should().Be(60);
        replay.RoundsPlayed.Should().Be(60);
    }

    private static async Task<(JsonNode Outcome, Scenario Scenario)> Run(string file)
    {
        var path = RepositoryPaths.Scenario(file);
        var result = await TradeSimProcess.RunAsync("run", path, "--format", "json", "--engine", "local");
        result.ExitCode.Should().Be(0, result.Stderr);
        return (JsonNode.Parse(result.Stdout)!, ScenarioLoader.LoadFile(path));
    }
}
