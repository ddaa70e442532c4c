using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Simulation.Client.Tests.Inference;

/// <summary>
/// The pre-registered forecast of the January 2026 Canada–China deal that the README shows
/// (<c>forecasts/can-chn-2026-01</c>): it was learned only from episodes known before the deal, it is
/// what `forecast` gives from the shipped posterior (so anyone can check it was not edited after the
/// fact), it is tied to the scenario and the posterior by their SHA-256, and the scores the README
/// quotes are what `score` gives.
/// </summary>
public sealed class ShippedForecastTests : IDisposable
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "forecasts", "can-chn-2026-01");

    private readonly string _scratch = Directory.CreateTempSubdirectory("tradesim-shipped-forecast-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void The_posterior_was_learned_only_from_episodes_known_before_the_deal_and_the_forecast_names_both_files_by_their_digest()
    {
        var diagnostics = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "posterior", "diagnostics.json")))!;
        diagnostics["episodes"]!.AsArray().Select(e => e!.GetValue<string>()).Should().NotContain("can-chn-2026-01");
        var learnedUntil = DateOnly.Parse(diagnostics["learned_until"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        learnedUntil.Should().BeBefore(new DateOnly(2026, 1, 16), "the deal became known on 2026-01-16 (scenarios/episodes.yaml)");

        var forecast = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "forecast.json")))!;
        forecast["learned_until"]!.GetValue<string>().Should().Be(diagnostics["learned_until"]!.GetValue<string>());
        forecast["scenario_sha256"]!.GetValue<string>().Should().Be(Sha256(Path.Combine(RepositoryPaths.Root, "scenarios", "canada-china.yaml")),
            "the forecast is of the shipped scenario as it stands: editing the scenario voids the pre-registration");
        forecast["posterior_sha256"]!.GetValue<string>().Should().Be(Sha256(Path.Combine(Folder, "posterior", "samples.csv")));
    }

    [Fact]
    public async Task The_shipped_forecast_is_what_forecast_gives_from_the_shipped_posterior()
    {
        var output = Path.Combine(_scratch, "forecast.json");

        var result = await TradeSimProcess.RunAsync(
            "forecast", "scenarios/canada-china.yaml", "--posterior", "forecasts/can-chn-2026-01/posterior", "--runs", "500", "--seed", "2026", "--engine", "local", "--out", output);

        result.ExitCode.Should().Be(0, result.Stderr);
        File.ReadAllText(output).Should().Be(File.ReadAllText(Path.Combine(Folder, "forecast.json")));
    }

    [Theory]
    [InlineData("canada-philippines", "CAN-PHL")]
    [InlineData("canada-asean", "CAN-ASEAN")]
    public async Task The_forecasts_of_the_open_tables_are_what_forecast_gives_from_the_posterior_of_every_episode(string scenario, string negotiation)
    {
        var output = Path.Combine(_scratch, $"{scenario}.json");

        var result = await TradeSimProcess.RunAsync(
            "forecast", $"scenarios/{scenario}.yaml", "--posterior", "forecasts/open-2026/posterior", "--negotiation", negotiation, "--runs", "500", "--seed", "2026", "--engine", "local", "--out", output);

        result.ExitCode.Should().Be(0, result.Stderr);
        File.ReadAllText(output).Should().Be(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "forecasts", "open-2026", $"{scenario}.json")));
    }

    [Fact]
    public async Task The_scores_are_the_ones_the_README_quotes()
    {
        var result = await TradeSimProcess.RunAsync(
            "score", "forecasts/can-chn-2026-01/forecast.json", "--observed", "scenarios/episodes.yaml", "--episode", "can-chn-2026-01", "--engine", "local", "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        var score = JsonNode.Parse(result.Stdout)!;

        // By hand: the forecast gave canola oil's kept 109 probability 0 of L = 3 levels; smoothed,
        // 0.99 × 0 + 0.01 / 3, so its log score is ln(1/300) = −5.7038.
        var oil = score["issues"]!.AsArray().Single(i => i!["issue"]!.GetValue<string>() == "CHN:CAN:canola_oil")!;
        oil["log_score"]!.GetValue<double>().Should().BeApproximately(Math.Log(1.0 / 300), 1e-12);

        // The README's table of scores, to the two decimals it shows.
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        Total(score["total"]!).Should().Equal(-16.15, 6.95, 2.99);
        Total(score["baselines"]!["status_quo"]!["total"]!).Should().Equal(-28.55, 9.90, 4.45);
        Total(score["baselines"]!["uniform"]!["total"]!).Should().Equal(-9.89, 6.00, 2.33);
        Total(score["baselines"]!["single_run"]!["total"]!).Should().Equal(-34.24, 11.88, 4.95);
        readme.Should().Contain("| TradeSim, learned before the deal | −16.15 | 6.95 | 2.99 |")
            .And.Contain("| nothing changes (status quo) | −28.55 | 9.90 | 4.45 |")
            .And.Contain("| uniform over the levels | **−9.89** | **6.00** | **2.33** |")
            .And.Contain("| the scenario's single run | −34.24 | 11.88 | 4.95 |");
    }

    private static IEnumerable<double> Total(JsonNode total) =>
        new[] { "log_score", "brier", "rps" }.Select(k => Math.Round(total[k]!.GetValue<double>(), 2));

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
