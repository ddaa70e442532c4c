using System.Text.Json.Nodes;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests.Inference;

/// <summary>
/// `score FORECAST.json --observed EPISODES.yaml --episode ID`: a hand-written forecast of the canola
/// table (levels 9, 5, 0 for canola seed and 6.1, 3, 0 for vehicles, as the scenario lists them) scored
/// against hand-written episodes, every number worked by hand in exact fractions; and the forecasts
/// that cannot be scored refused with exit 2.
/// </summary>
public sealed class ScoreCommandTests : IDisposable
{
    private const double Exact = 1e-12;

    private const string Forecast = """
        {
          "negotiation": "CAN-CHN",
          "runs": 10,
          "agreement_probability": 0.75,
          "issues": [
            { "issue": "CHN:CAN:canola_seed", "levels": [ { "level": 9, "probability": 0.5 }, { "level": 5, "probability": 0.3 }, { "level": 0, "probability": 0.2 } ] },
            { "issue": "CAN:CHN:electric_vehicles", "levels": [ { "level": 6.1, "probability": 0.1 }, { "level": 3, "probability": 0.3 }, { "level": 0, "probability": 0.6 } ] }
          ],
          "welfare": { "CAN": { "mean": 1, "q05": 0, "q95": 2 } },
          "scenario_sha256": "00", "posterior_sha256": "11", "seed": 1, "learned_until": "2025-10-03"
        }
        """;

    private const string Episodes = """
        episodes:
          - id: deal
            scenario: canola.yaml
            negotiation: CAN-CHN
            known: 2026-01-16
            source: made up for the test
            observed:
              status: agreed
              issues:
                CHN:CAN:canola_seed: 0
                CAN:CHN:electric_vehicles: 3
          - id: canola-only
            scenario: canola.yaml
            negotiation: CAN-CHN
            known: 2026-01-16
            source: made up for the test
            observed:
              status: agreed
              issues:
                CHN:CAN:canola_seed: 4
          - id: no-deal
            scenario: canola.yaml
            negotiation: CAN-CHN
            known: 2026-01-16
            source: made up for the test
            observed:
              status: deadline
        """;

    private readonly string _scratch = Directory.CreateTempSubdirectory("tradesim-score-").FullName;

    public ScoreCommandTests()
    {
        File.Copy(Path.Combine(RepositoryPaths.Root, "scenarios", "canada-china-canola.yaml"), Path.Combine(_scratch, "canola.yaml"));
        File.WriteAllText(EpisodesPath, Episodes);
        File.WriteAllText(ForecastPath, Forecast);
    }

    private string EpisodesPath => Path.Combine(_scratch, "episodes.yaml");

    private string ForecastPath => Path.Combine(_scratch, "forecast.json");

    private static double[] Scores(JsonNode score, int issue)
    {
        var node = score["issues"]![issue]!;
        return [node["log_score"]!.GetValue<double>(), node["brier"]!.GetValue<double>(), node["rps"]!.GetValue<double>()];
    }

    private static bool Close(double actual, double expected) => Math.Abs(actual - expected) < Exact;

    /// <summary>Where `tradesim run` of the scenario ends: agreed or not, and the canola and vehicle levels (indices on 9, 5, 0 and 6.1, 3, 0).</summary>
    private async Task<(bool Agreed, int Canola, int Vehicles)> RunEndAsync()
    {
        var run = await TradeSimProcess.RunAsync("run", Path.Combine(_scratch, "canola.yaml"), "--engine", "local", "--format", "json");
        run.ExitCode.Should().Be(0, run.Stderr);
        var negotiation = JsonNode.Parse(run.Stdout)!["negotiations"]![0]!;
        if (negotiation["status"]!.GetValue<string>() != "agreed")
        {
            return (false, 0, 0);
        }

        double TariffOf(string sector) => negotiation["agreement"]!.AsArray().Single(e => e!["sector"]!.GetValue<string>() == sector)!["tariff"]!.GetValue<double>();
        return (true, Array.IndexOf([9.0, 5.0, 0.0], TariffOf("canola_seed")), Array.IndexOf([6.1, 3.0, 0.0], TariffOf("electric_vehicles")));
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task Score_agrees_with_the_scores_worked_by_hand_from_the_forecast()
    {
        var result = await TradeSimProcess.RunAsync("score", ForecastPath, "--observed", EpisodesPath, "--episode", "deal", "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        var score = JsonNode.Parse(result.Stdout)!;
        score["episode"]!.GetValue<string>().Should().Be("deal");
        var issues = score["issues"]!.AsArray();
        issues.Select(i => i!["issue"]!.GetValue<string>()).Should().Equal("CHN:CAN:canola_seed", "CAN:CHN:electric_vehicles");

        // Canola seed: p = (0.5, 0.3, 0.2), 0% observed (level 2). Smoothed (L = 3, 0.01/3 = 1/300):
        // (0.495 + 1/300, 0.297 + 1/300, 0.198 + 1/300) = (299/600, 901/3000, 151/750).
        // log ln(151/750) = −1.6027933697154317; Brier (299/600)² + (901/3000)² + (151/750 − 1)² = 1464607/1500000;
        // RPS P = (299/600, 599/750), O = (0, 0): ((299/600)² + (599/750)²)/2 = 7975841/18000000.
        issues[0]!["observed"]!.GetValue<double>().Should().Be(0);
        issues[0]!["log_score"]!.GetValue<double>().Should().BeApproximately(-1.6027933697154317, Exact);
        issues[0]!["brier"]!.GetValue<double>().Should().BeApproximately(1464607.0 / 1500000, Exact);
        issues[0]!["rps"]!.GetValue<double>().Should().BeApproximately(7975841.0 / 18000000, Exact);

        // Vehicles: p = (0.1, 0.3, 0.6), 3% observed (level 1). Smoothed (307, 901, 1792)/3000.
        // log ln(901/3000) = −1.202862310041909; Brier (307² + 2099² + 1792²)/3000² = 7711314/9000000 = 1285219/1500000;
        // RPS P = (307, 1208)/3000, O = (0, 1): (307² + 1792²)/3000²/2 = 3305513/18000000.
        issues[1]!["observed"]!.GetValue<double>().Should().Be(3);
        issues[1]!["log_score"]!.GetValue<double>().Should().BeApproximately(-1.202862310041909, Exact);
        issues[1]!["brier"]!.GetValue<double>().Should().BeApproximately(1285219.0 / 1500000, Exact);
        issues[1]!["rps"]!.GetValue<double>().Should().BeApproximately(3305513.0 / 18000000, Exact);

        // Agreement 0.75 smoothed over two outcomes: 0.7425 + 0.005 = 0.7475 = 299/400; agreed:
        // log ln 0.7475 = −0.29102097371729546, Brier (1 − 0.7475)² = 0.2525² = 0.06375625.
        score["agreement"]!["agreed"]!.GetValue<bool>().Should().BeTrue();
        score["agreement"]!["log_score"]!.GetValue<double>().Should().BeApproximately(-0.29102097371729546, Exact);
        score["agreement"]!["brier"]!.GetValue<double>().Should().BeApproximately(0.06375625, Exact);

        // Totals over the two issues.
        score["total"]!["log_score"]!.GetValue<double>().Should().BeApproximately(-1.6027933697154317 + -1.202862310041909, Exact);
        score["total"]!["brier"]!.GetValue<double>().Should().BeApproximately((1464607.0 + 1285219.0) / 1500000, Exact);
        score["total"]!["rps"]!.GetValue<double>().Should().BeApproximately((7975841.0 + 3305513.0) / 18000000, Exact);
        score["not_scored"]!.AsArray().Should().BeEmpty();
        result.Stderr.Should().NotContain("note:", "the forecast learned until 2025-10-03, before the episode was known on 2026-01-16");
    }

    [Fact]
    public async Task The_baselines_are_scored_beside_the_forecast_as_worked_by_hand_and_the_single_run_at_the_level_run_reaches()
    {
        var result = await TradeSimProcess.RunAsync("score", ForecastPath, "--observed", EpisodesPath, "--episode", "deal", "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        var baselines = JsonNode.Parse(result.Stdout)!["baselines"]!;

        // Status quo: all mass on level 0 (canola 9, vehicles 6.1), smoothed (298/300, 1/300, 1/300); the deal
        // observed canola 0 (level 2) and vehicles 3 (level 1): log ln(1/300) each;
        // Brier (298² + 1² + 299²)/300² = 178206/90000 each; RPS canola ((298/300)² + (299/300)²)/2 = 178205/180000,
        // vehicles (P − O = 298/300, 299/300 − 1): (298² + 1²)/300²/2 = 88805/180000.
        // Agreement 0 smoothed to 0.005, agreed: ln 0.005, Brier 0.995² = 0.990025.
        var quo = baselines["status_quo"]!;
        Scores(quo, 0).Should().Equal([Math.Log(1.0 / 300), 178206.0 / 90000, 178205.0 / 180000], Close);
        Scores(quo, 1).Should().Equal([Math.Log(1.0 / 300), 178206.0 / 90000, 88805.0 / 180000], Close);
        quo["agreement"]!["log_score"]!.GetValue<double>().Should().BeApproximately(Math.Log(0.005), Exact);
        quo["agreement"]!["brier"]!.GetValue<double>().Should().BeApproximately(0.990025, Exact);
        quo["total"]!["log_score"]!.GetValue<double>().Should().BeApproximately(2 * Math.Log(1.0 / 300), Exact);
        quo["total"]!["rps"]!.GetValue<double>().Should().BeApproximately((178205.0 + 88805.0) / 180000, Exact);

        // Uniform: 1/3 each, unchanged by smoothing: log ln(1/3); Brier 1/9 + 1/9 + 4/9 = 2/3;
        // RPS canola (P = 1/3, 2/3; O = 0, 0) (1/9 + 4/9)/2 = 5/18, vehicles (O = 0, 1) (1/9 + 1/9)/2 = 1/9.
        // Agreement 1/2: ln 0.5, Brier 0.25.
        var uniform = baselines["uniform"]!;
        Scores(uniform, 0).Should().Equal([Math.Log(1.0 / 3), 2.0 / 3, 5.0 / 18], Close);
        Scores(uniform, 1).Should().Equal([Math.Log(1.0 / 3), 2.0 / 3, 1.0 / 9], Close);
        uniform["agreement"]!["log_score"]!.GetValue<double>().Should().BeApproximately(Math.Log(0.5), Exact);
        uniform["agreement"]!["brier"]!.GetValue<double>().Should().BeApproximately(0.25, Exact);

        // Single run: certainty of where `tradesim run` of the scenario ends, smoothed to 0.99 + 1/300 = 298/300 there
        // and 1/300 elsewhere; the deal's levels are canola 2 and vehicles 1.
        var (agreed, canola, vehicles) = await RunEndAsync();
        var single = baselines["single_run"]!;
        double Log(int reached, int observed) => Math.Log((reached == observed ? 298.0 : 1.0) / 300);
        Scores(single, 0)[0].Should().BeApproximately(Log(canola, 2), Exact);
        Scores(single, 1)[0].Should().BeApproximately(Log(vehicles, 1), Exact);
        single["agreement"]!["log_score"]!.GetValue<double>().Should().BeApproximately(Math.Log(agreed ? 0.995 : 0.005), Exact);

        // The forecast's own scores are unchanged beside them (the other test works them by hand).
        JsonNode.Parse(result.Stdout)!["total"]!["log_score"]!.GetValue<double>().Should().BeApproximately(-1.6027933697154317 + -1.202862310041909, Exact);
    }

    [Fact]
    public async Task Both_engines_play_the_same_single_run_and_give_the_same_scores()
    {
        var local = await TradeSimProcess.RunAsync("score", ForecastPath, "--observed", EpisodesPath, "--episode", "deal", "--format", "json", "--engine", "local");
        var grains = await TradeSimProcess.RunAsync("score", ForecastPath, "--observed", EpisodesPath, "--episode", "deal", "--format", "json", "--engine", "grains");

        (local.ExitCode, grains.ExitCode).Should().Be((0, 0), local.Stderr + grains.Stderr);
        grains.Stdout.Should().Be(local.Stdout);
    }

    [Fact]
    public async Task The_table_says_which_forecast_has_the_best_total_of_each_score_and_no_baselines_leaves_them_out()
    {
        // Uniform totals: log 2 ln(1/3) = −2.1972 beats the forecast's −2.8057; Brier 4/3 beats 1.8332; RPS 7/18 = 0.3889 beats 0.6267.
        var table = await TradeSimProcess.RunAsync("score", ForecastPath, "--observed", EpisodesPath, "--episode", "deal");
        var alone = await TradeSimProcess.RunAsync("score", ForecastPath, "--observed", EpisodesPath, "--episode", "deal", "--format", "json", "--no-baselines");

        table.ExitCode.Should().Be(0, table.Stderr);
        table.Stdout.Should().Contain("Best total: log score (higher is better) Uniform; Brier (lower is better) Uniform; RPS (lower is better) Uniform")
            .And.Contain("-2.1972").And.Contain("0.3889");
        alone.ExitCode.Should().Be(0, alone.Stderr);
        JsonNode.Parse(alone.Stdout)!["baselines"].Should().BeNull();
    }

    [Theory]
    [InlineData("2026-01-16")]
    [InlineData("2026-02-01")]
    public async Task A_forecast_that_learned_until_the_episode_was_known_or_later_is_scored_with_a_note_that_it_is_not_a_forecast(string learned)
    {
        var late = Write("late.json", Forecast.Replace("2025-10-03", learned, StringComparison.Ordinal));

        var result = await TradeSimProcess.RunAsync("score", late, "--observed", EpisodesPath, "--episode", "deal", "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stderr.Should().Contain($"note: the forecast learned from episodes known up to {learned}, not before episode deal (2026-01-16)");
        JsonNode.Parse(result.Stdout)!["total"]!["log_score"]!.GetValue<double>().Should().BeApproximately(-1.6027933697154317 + -1.202862310041909, Exact, "the scores are the same");
    }

    [Fact]
    public async Task An_issue_not_observed_is_listed_as_not_scored_and_an_off_grid_value_is_warned_about()
    {
        // 4% is off the grid (9, 5, 0): nearest 5, level 1. p = (0.5, 0.3, 0.2) smoothed gives it 901/3000.
        var result = await TradeSimProcess.RunAsync("score", ForecastPath, "--observed", EpisodesPath, "--episode", "canola-only", "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stderr.Should().Contain("warning: episode canola-only: issue CHN:CAN:canola_seed: observed 4 is not on the table; taken as the nearest level, 5");
        var score = JsonNode.Parse(result.Stdout)!;
        score["issues"]!.AsArray().Should().ContainSingle();
        score["issues"]![0]!["log_score"]!.GetValue<double>().Should().BeApproximately(Math.Log(901.0 / 3000), Exact);
        score["not_scored"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("CAN:CHN:electric_vehicles");
    }

    [Fact]
    public async Task A_negotiation_that_failed_scores_every_issue_at_its_status_quo()
    {
        // Canola level 0 observed: smoothed 299/600. Vehicles level 0: 307/3000. Agreement not: 1 − 0.7475 = 0.2525.
        var result = await TradeSimProcess.RunAsync("score", ForecastPath, "--observed", EpisodesPath, "--episode", "no-deal");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("Scores of the forecast of CAN-CHN against episode no-deal")
            .And.Contain(Math.Log(299.0 / 600).ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture))
            .And.Contain(Math.Log(307.0 / 3000).ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture))
            .And.Contain(Math.Log(0.2525).ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture))
            .And.Contain("no agreement");
    }

    [Fact]
    public async Task A_forecast_from_the_forecast_command_is_scored_as_the_same_forecast_by_hand()
    {
        // One particle, a mercantilist China: every run agrees at canola 5% and vehicles 0% (ForecastCommandTests
        // checks that against run). Against the "deal" episode (canola 0, vehicles 3) both issues are at levels
        // the forecast gave 0, smoothed to 1/300: log ln(1/300) each; agreement 1 smoothed to 0.995: ln 0.995.
        var posterior = Path.Combine(_scratch, "posterior");
        Directory.CreateDirectory(posterior);
        File.WriteAllText(Path.Combine(posterior, "samples.csv"), "particle,weight,distance,countries.CHN.objective\n0,1,0,mercantilist\n");
        File.WriteAllText(Path.Combine(posterior, "diagnostics.json"), "{ \"learned_until\": \"2025-10-03\" }");
        var made = Path.Combine(_scratch, "made.json");
        var forecast = await TradeSimProcess.RunAsync("forecast", Path.Combine(_scratch, "canola.yaml"), "--posterior", posterior, "--runs", "5", "--out", made);
        forecast.ExitCode.Should().Be(0, forecast.Stderr);

        var result = await TradeSimProcess.RunAsync("score", made, "--observed", EpisodesPath, "--episode", "deal", "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        var score = JsonNode.Parse(result.Stdout)!;
        score["issues"]!.AsArray().Select(i => i!["log_score"]!.GetValue<double>()).Should().Equal([Math.Log(1.0 / 300), Math.Log(1.0 / 300)], (a, b) => Math.Abs(a - b) < Exact);
        score["agreement"]!["log_score"]!.GetValue<double>().Should().BeApproximately(Math.Log(0.995), Exact);
    }

    [Fact]
    public async Task Forecasts_that_cannot_be_scored_against_the_episode_are_refused_with_exit_2()
    {
        var other = Write("other.json", Forecast.Replace("\"CAN-CHN\"", "\"CAN-IDN\"", StringComparison.Ordinal));
        var partial = Write("partial.json", Forecast.Replace("\"CAN:CHN:electric_vehicles\"", "\"CAN:CHN:steel\"", StringComparison.Ordinal));
        var otherLevels = Write("levels.json", Forecast.Replace("\"level\": 3,", "\"level\": 2,", StringComparison.Ordinal));
        var unsummed = Write("unsummed.json", Forecast.Replace("\"probability\": 0.6", "\"probability\": 0.5", StringComparison.Ordinal));
        var broken = Write("broken.json", "{ \"negotiation\": ");
        string[][] cases =
        [
            [other, "--observed", EpisodesPath, "--episode", "deal"],
            [partial, "--observed", EpisodesPath, "--episode", "deal"],
            [otherLevels, "--observed", EpisodesPath, "--episode", "deal"],
            [unsummed, "--observed", EpisodesPath, "--episode", "deal"],
            [broken, "--observed", EpisodesPath, "--episode", "deal"],
            [ForecastPath, "--observed", EpisodesPath, "--episode", "nope"],
            [ForecastPath, "--observed", Path.Combine(_scratch, "missing.yaml"), "--episode", "deal"],
            [ForecastPath, "--episode", "deal"],
            [ForecastPath, "--observed", EpisodesPath],
        ];
        string[] messages =
        [
            "the forecast is of negotiation CAN-IDN, the episode of CAN-CHN; it cannot be scored against episode deal",
            "the issue CAN:CHN:electric_vehicles was observed but the forecast has no forecast of it",
            "the forecast of CAN:CHN:electric_vehicles has the levels (6.1, 2, 0) but the episode's table has (6.1, 3, 0)",
            "issues[1].levels: the probabilities of CAN:CHN:electric_vehicles sum to 0.9",
            "broken.json:1:",
            "no episode 'nope' (the file has deal, canola-only, no-deal)",
            "missing.yaml: the file does not exist",
            "--observed is required",
            "--episode is required",
        ];

        for (var i = 0; i < cases.Length; i++)
        {
            var result = await TradeSimProcess.RunAsync(["score", .. cases[i]]);

            result.ExitCode.Should().Be(2, string.Join(' ', cases[i]) + "\n" + result.Stderr);
            result.Stderr.Should().Contain(messages[i]);
            result.Stdout.Should().BeEmpty();
            CommandLineAssertions.NoStackTrace(result);
        }
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_scratch, name);
        File.WriteAllText(path, text);
        return path;
    }
}
