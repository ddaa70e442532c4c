using System.Text.Json.Nodes;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests.Inference;

/// <summary>
/// `calibrate --leave-one-out` on three synthetic episodes of the tiny calibration world (levels written
/// by hand on its grid: canola 5 → 0 and footwear 18 → 0 in five steps): every episode is in
/// leave-one-out.json in file order; its forecast is the one `forecast` makes from the posterior learned
/// without it, which learned only from the other two episodes' dates; its scores, and the baselines',
/// are those `score` gives for that forecast; and the same seed gives the same file byte for byte.
/// </summary>
public sealed class LeaveOneOutTests : IDisposable
{
    private const string Episodes = """
        episodes:
          - id: early
            scenario: world.yaml
            negotiation: CAN-IDN
            known: 2024-03-01
            source: made up for the test
            observed:
              status: agreed
              issues:
                IDN:CAN:canola_oil: 2
                CAN:IDN:footwear: 0
          - id: middle
            scenario: world.yaml
            negotiation: CAN-IDN
            known: 2024-09-01
            source: made up for the test
            observed:
              status: agreed
              issues:
                IDN:CAN:canola_oil: 0
                CAN:IDN:footwear: 18
          - id: late
            scenario: world.yaml
            negotiation: CAN-IDN
            known: 2025-02-01
            source: made up for the test
            observed:
              status: deadline
        """;

    private static readonly string[] s_ids = ["early", "middle", "late"];

    private readonly CalibrationWorld _world = new();

    public LeaveOneOutTests() => File.WriteAllText(_world.EpisodesFile, Episodes);

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Each_episode_is_forecast_without_itself_and_scored_as_score_scores_that_forecast_beside_the_baselines_deterministically()
    {
        var first = await LeaveOneOutAsync("first");
        var second = await LeaveOneOutAsync("second");

        (first.ExitCode, second.ExitCode).Should().Be((0, 0), first.Stderr + second.Stderr);
        var written = File.ReadAllText(Path.Combine(_world.Out("first"), "leave-one-out.json"));
        File.ReadAllText(Path.Combine(_world.Out("second"), "leave-one-out.json")).Should().Be(written, "the same seed gives the same scores");
        first.Stdout.Should().Contain("Best total: log score (higher is better)");

        var result = JsonNode.Parse(written)!;
        var episodes = result["episodes"]!.AsArray();
        episodes.Select(e => e!["episode"]!.GetValue<string>()).Should().Equal(s_ids);
        for (var e = 0; e < s_ids.Length; e++)
        {
            var id = s_ids[e];
            var forecast = Path.Combine(_world.Out("first"), $"without-{id}", "forecast.json");

            // Learned from the other two episodes only: the latest of their dates.
            string[] known = ["2024-03-01", "2024-09-01", "2025-02-01"];
            JsonNode.Parse(File.ReadAllText(forecast))!["learned_until"]!.GetValue<string>().Should().Be(known.Where((_, k) => k != e).Max());

            var score = await TradeSimProcess.RunAsync("score", forecast, "--observed", _world.EpisodesFile, "--episode", id, "--format", "json");
            score.ExitCode.Should().Be(0, score.Stderr);
            var scored = JsonNode.Parse(score.Stdout)!;
            Same(episodes[e]!["tradesim"]!, scored["total"]!, scored["agreement"]!);
            foreach (var baseline in new[] { "status_quo", "uniform", "single_run" })
            {
                var expected = scored["baselines"]![baseline]!;
                Same(episodes[e]![baseline]!, expected["total"]!, expected["agreement"]!);
            }
        }

        // The forecast beside each posterior is the one `forecast` makes from it with the calibration's seed.
        var made = await TradeSimProcess.RunAsync("forecast", Path.Combine(_world.Folder, "world.yaml"), "--posterior", Path.Combine(_world.Out("first"), "without-middle"), "--runs", "30", "--seed", "5", "--format", "json");
        made.ExitCode.Should().Be(0, made.Stderr);
        made.Stdout.Should().Be(File.ReadAllText(Path.Combine(_world.Out("first"), "without-middle", "forecast.json")));

        // The total is the sum over the episodes.
        result["total"]!["uniform"]!["log_score"]!.GetValue<double>().Should().BeApproximately(episodes.Sum(x => x!["uniform"]!["log_score"]!.GetValue<double>()), 1e-12);
    }

    [Fact]
    public async Task A_finished_leave_one_out_is_reused_with_resume_and_refused_without_it()
    {
        var first = await LeaveOneOutAsync("out");
        first.ExitCode.Should().Be(0, first.Stderr);
        var written = File.ReadAllText(Path.Combine(_world.Out("out"), "leave-one-out.json"));

        var again = await LeaveOneOutAsync("out");
        var resumed = await LeaveOneOutAsync("out", "--resume");

        again.ExitCode.Should().Be(2);
        again.Stderr.Should().Contain("holds a calibration already; add --resume");
        resumed.ExitCode.Should().Be(0, resumed.Stderr);
        resumed.Stderr.Should().Contain("reusing the finished calibration").And.NotContain("generation 0:");
        File.ReadAllText(Path.Combine(_world.Out("out"), "leave-one-out.json")).Should().Be(written);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_exit_2_and_nothing_written()
    {
        var single = Path.Combine(_world.Folder, "single.yaml");
        File.WriteAllText(single, Episodes[..Episodes.IndexOf("  - id: middle", StringComparison.Ordinal)]);
        var one = await TradeSimProcess.RunAsync("calibrate", single, "--priors", _world.PriorsFile, "--out", _world.Out("one"), "--leave-one-out");
        var runsAlone = await TradeSimProcess.RunAsync("calibrate", _world.EpisodesFile, "--priors", _world.PriorsFile, "--out", _world.Out("runs"), "--runs", "5");
        var zeroRuns = await LeaveOneOutAsync("zero", "--runs", "0");
        var plots = await LeaveOneOutAsync("plots", "--plots");

        one.ExitCode.Should().Be(2);
        one.Stderr.Should().Contain("--leave-one-out needs at least two episodes");
        runsAlone.ExitCode.Should().Be(2);
        runsAlone.Stderr.Should().Contain("--runs '5': applies to --leave-one-out only");
        zeroRuns.ExitCode.Should().Be(2);
        plots.ExitCode.Should().Be(2);
        foreach (var output in new[] { "one", "runs", "zero", "plots" })
        {
            Directory.Exists(_world.Out(output)).Should().BeFalse(output);
        }
    }

    private Task<TradeSimProcess.Result> LeaveOneOutAsync(string output, params string[] more) =>
        TradeSimProcess.RunAsync(["calibrate", _world.EpisodesFile, "--priors", _world.PriorsFile, "--out", _world.Out(output), "--leave-one-out",
            "--particles", "20", "--generations", "2", "--runs", "30", "--seed", "5", .. more]);

    private static void Same(JsonNode entry, JsonNode total, JsonNode agreement)
    {
        entry["log_score"]!.GetValue<double>().Should().Be(total["log_score"]!.GetValue<double>());
        entry["brier"]!.GetValue<double>().Should().Be(total["brier"]!.GetValue<double>());
        entry["rps"]!.GetValue<double>().Should().Be(total["rps"]!.GetValue<double>());
        entry["agreement"]!["log_score"]!.GetValue<double>().Should().Be(agreement["log_score"]!.GetValue<double>());
        entry["agreement"]!["brier"]!.GetValue<double>().Should().Be(agreement["brier"]!.GetValue<double>());
    }
}
