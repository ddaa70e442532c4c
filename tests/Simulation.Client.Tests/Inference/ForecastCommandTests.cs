using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests.Inference;

/// <summary>
/// `forecast SCENARIO --posterior DIR`: runs of the scenario with values drawn from a posterior,
/// checked against `run` of scenario files with those values written in by hand, and refused with
/// exit 2 and nothing written when its inputs are wrong.
/// </summary>
public sealed class ForecastCommandTests : IDisposable
{
    private const string Canola = "scenarios/canada-china-canola.yaml";
    private const string ChinaAsWritten = "CHN: { name: China, strategy: linear }";
    private const string Diagnostics = "{ \"episodes\": [\"e1\"], \"learned_until\": \"2025-10-03\", \"seed\": 1, \"particles\": 2 }\n";

    /// <summary>The canola table's levels as the scenario file lists them, status quo first.</summary>
    private static readonly double[] s_canolaLevels = [9, 5, 0];

    private static readonly double[] s_vehicleLevels = [6.1, 3, 0];

    private readonly string _scratch = Directory.CreateTempSubdirectory("tradesim-forecast-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task A_posterior_of_one_particle_forecasts_with_certainty_what_run_gives_with_its_values()
    {
        var posterior = Posterior("one", "particle,weight,distance,countries.CHN.objective\n7,1,0,mercantilist\n");
        var expected = await RunWith("objective: mercantilist");

        var result = await TradeSimProcess.RunAsync("forecast", Canola, "--posterior", posterior, "--runs", "20", "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        var forecast = JsonNode.Parse(result.Stdout)!;
        forecast["negotiation"]!.GetValue<string>().Should().Be("CAN-CHN");
        forecast["runs"]!.GetValue<int>().Should().Be(20);
        forecast["agreement_probability"]!.GetValue<double>().Should().Be(expected.Agreed ? 1 : 0);
        Probabilities(forecast, "CHN:CAN:canola_seed").Should().Equal(Certain(expected.Canola));
        Probabilities(forecast, "CAN:CHN:electric_vehicles").Should().Equal(Certain(expected.Vehicles));
        Levels(forecast, "CHN:CAN:canola_seed").Should().Equal("9", "5", "0");
        forecast["welfare"]!["CAN"]!["mean"]!.GetValue<double>().Should().BeApproximately(expected.CanadaWelfare, 1e-9);
        forecast["welfare"]!["CAN"]!["q05"]!.GetValue<double>().Should().BeApproximately(expected.CanadaWelfare, 1e-9);
        result.Stderr.Should().Contain("20 draws from the posterior").And.Contain("1 distinct run,");
    }

    [Fact]
    public async Task Two_particles_of_equal_weight_mix_their_runs_in_the_shares_drawn()
    {
        // A mercantilist China agrees; a welfare-maximising one does not (both checked with run below).
        // Each issue then has mass s at the mercantilist run's level and 1 − s at the status quo, where
        // s is the share of draws of that particle, the agreement probability too: 200 draws at weight
        // 1/2 put s within 5 standard errors (5·√(0.25/200) = 0.18) of 0.5.
        var posterior = Posterior("two", "particle,weight,distance,countries.CHN.objective\nm,0.5,0,mercantilist\nw,0.5,0.5,welfare\n");
        var agreeing = await RunWith("objective: mercantilist");
        var failing = await RunWith("objective: welfare");
        (agreeing.Agreed, failing.Agreed).Should().Be((true, false), "the two particles must end differently for this test to mean anything");

        var result = await TradeSimProcess.RunAsync("forecast", Canola, "--posterior", posterior, "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        var forecast = JsonNode.Parse(result.Stdout)!;
        forecast["runs"]!.GetValue<int>().Should().Be(200, "the default number of draws");
        var s = forecast["agreement_probability"]!.GetValue<double>();
        s.Should().BeInRange(0.32, 0.68);
        (s * 200).Should().Be(Math.Round(s * 200), "a probability is a count of runs over 200");
        Probabilities(forecast, "CHN:CAN:canola_seed").Should().Equal(Mix(s, agreeing.Canola), Close);
        Probabilities(forecast, "CAN:CHN:electric_vehicles").Should().Equal(Mix(s, agreeing.Vehicles), Close);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_forecast_whatever_the_parallelism_and_the_engine()
    {
        var posterior = Posterior("seeded", "particle,weight,distance,countries.CHN.objective,countries.CAN.strategy.e\na,0.3,0,mercantilist,0.2\nb,0.3,0,welfare,1\nc,0.4,0,mercantilist,3\n");
        var one = Path.Combine(_scratch, "one.json");
        var three = Path.Combine(_scratch, "three.json");
        var grains = Path.Combine(_scratch, "grains.json");

        var first = await TradeSimProcess.RunAsync("forecast", Canola, "--posterior", posterior, "--runs", "30", "--seed", "9", "--parallel", "1", "--out", one);
        var second = await TradeSimProcess.RunAsync("forecast", Canola, "--posterior", posterior, "--runs", "30", "--seed", "9", "--parallel", "3", "--out", three);
        var third = await TradeSimProcess.RunAsync("forecast", Canola, "--posterior", posterior, "--runs", "30", "--seed", "9", "--engine", "grains", "--out", grains);
        var otherSeed = await TradeSimProcess.RunAsync("forecast", Canola, "--posterior", posterior, "--runs", "30", "--seed", "10", "--format", "json");

        (first.ExitCode, second.ExitCode, third.ExitCode, otherSeed.ExitCode).Should().Be((0, 0, 0, 0), first.Stderr + second.Stderr + third.Stderr + otherSeed.Stderr);
        File.ReadAllText(three).Should().Be(File.ReadAllText(one));
        File.ReadAllText(grains).Should().Be(File.ReadAllText(one));
        otherSeed.Stdout.Should().NotBe(File.ReadAllText(one), "another seed draws other particles");
        first.Stdout.Should().Contain("Forecast of CAN-CHN").And.Contain("Welfare change ΔW");
    }

    [Fact]
    public async Task The_forecast_records_the_digests_of_its_inputs_the_seed_and_the_date_learned_until()
    {
        var posterior = Posterior("registered", "particle,weight,distance,countries.CHN.objective\n0,1,0,mercantilist\n");

        var result = await TradeSimProcess.RunAsync("forecast", Canola, "--posterior", posterior, "--runs", "2", "--seed", "-4", "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        var forecast = JsonNode.Parse(result.Stdout)!;
        forecast["scenario_sha256"]!.GetValue<string>().Should().Be(Sha256(Path.Combine(RepositoryPaths.Root, Canola)));
        forecast["posterior_sha256"]!.GetValue<string>().Should().Be(Sha256(Path.Combine(posterior, "samples.csv")));
        forecast["seed"]!.GetValue<long>().Should().Be(-4);
        forecast["learned_until"]!.GetValue<string>().Should().Be("2025-10-03");
    }

    [Fact]
    public async Task Paths_the_scenario_lacks_are_named_on_stderr_and_the_others_used()
    {
        var posterior = Posterior("other-table", "particle,weight,distance,countries.XYZ.strategy.e,countries.CHN.objective\n0,1,0,2,welfare\n");

        var result = await TradeSimProcess.RunAsync("forecast", Canola, "--posterior", posterior, "--runs", "3", "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stderr.Should().Contain("no place for the posterior's countries.XYZ.strategy.e").And.Contain("uses the 1 of its 2 paths");
        JsonNode.Parse(result.Stdout)!["agreement_probability"]!.GetValue<double>().Should().Be(0, "a welfare-maximising China does not agree (the run above)");
    }

    [Fact]
    public async Task Wrong_inputs_are_refused_with_exit_2_and_nothing_written()
    {
        var good = Posterior("good", "particle,weight,distance,countries.CHN.objective\n0,1,0,mercantilist\n");
        var invalid = Posterior("invalid", "particle,weight,distance,countries.CAN.strategy.e\np9,1,0,-3\n");
        var broken = Posterior("broken", "particle,weight,distance\n0,2,0\n");
        var output = Path.Combine(_scratch, "out.json");
        string[][] cases =
        [
            ["forecast", Canola, "--posterior", Path.Combine(_scratch, "missing")],
            ["forecast", Canola, "--posterior", broken],
            ["forecast", Canola, "--posterior", invalid],
            ["forecast", Canola],
            ["forecast", Canola, "--posterior", good, "--runs", "0"],
            ["forecast", Canola, "--posterior", good, "--runs", "many"],
            ["forecast", Canola, "--posterior", good, "--negotiation", "CAN-USA"],
            ["forecast", "scenarios/canada-asia-pivot.yaml", "--posterior", good],
            ["forecast", Canola, "--posterior", good, "--engine", "local", "--gateway", "127.0.0.1:1"],
            ["forecast", Canola, "--posterior", good, "--out", Path.Combine(good, "samples.csv")],
        ];
        string[] messages =
        [
            "the posterior directory does not exist",
            "samples.csv:2: weight: weight must be from 0 to 1, got 2",
            "posterior particle p9",
            "--posterior is required",
            "--runs '0': expected an integer from 1 to 100000",
            "--runs 'many'",
            "has no such negotiation (it has CAN-CHN)",
            "has 5 negotiations (USA-CAN, CAN-CHN, CAN-IDN, CAN-PHL, CAN-MYS); say which to forecast with --negotiation",
            "--gateway needs --engine grains",
            "samples.csv'; writing would replace it",
        ];

        for (var i = 0; i < cases.Length; i++)
        {
            var result = await TradeSimProcess.RunAsync(cases[i].Contains("--out") ? cases[i] : [.. cases[i], "--out", output]);

            result.ExitCode.Should().Be(2, string.Join(' ', cases[i]) + "\n" + result.Stderr);
            result.Stderr.Should().Contain(messages[i]);
            result.Stdout.Should().BeEmpty();
            CommandLineAssertions.NoStackTrace(result);
            File.Exists(output).Should().BeFalse();
        }

        File.ReadAllText(Path.Combine(good, "samples.csv")).Should().Be("particle,weight,distance,countries.CHN.objective\n0,1,0,mercantilist\n", "the posterior is never written to");
    }

    [Fact]
    public async Task Ctrl_c_stops_a_forecast_with_exit_1_and_writes_nothing()
    {
        // Runs of two hardliners go to a deadline of about 100 000 rounds (seconds each), one at a
        // time: the forecast is under way when the signal arrives.
        var scenario = StalemateScenario.Write(_scratch);
        var posterior = Posterior("stalemate", "particle,weight,distance,rounds\na,0.5,0,99999\nb,0.5,0,100000\n");
        var output = Path.Combine(_scratch, "cancelled.json");

        using var forecast = TradeSimProcess.Start(["forecast", scenario, "--posterior", posterior, "--runs", "10", "--parallel", "1", "--out", output]);
        await forecast.WaitForStderrLineAsync(line => line.Contains("forecast of AB", StringComparison.Ordinal));
        await forecast.SignalGroupAsync("INT");
        var result = await forecast.WaitForExitAsync();

        result.ExitCode.Should().Be(1, result.Stderr);
        result.Stderr.Should().Contain("stopping (Ctrl-C again to end at once)", "the forecast stops its runs rather than being killed").And.Contain("error: cancelled");
        CommandLineAssertions.NoStackTrace(result);
        File.Exists(output).Should().BeFalse();
        CommandLineAssertions.HoldsOnly(_scratch, "stalemate.yaml", "stalemate");
    }

    /// <summary>What `run` of the canola scenario gives with <paramref name="chinaField"/> written into China's entry.</summary>
    private async Task<(bool Agreed, int Canola, int Vehicles, double CanadaWelfare)> RunWith(string chinaField)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, Canola));
        text.Should().Contain(ChinaAsWritten);
        var path = Path.Combine(_scratch, $"canola-{chinaField.Replace(": ", "-", StringComparison.Ordinal)}.yaml");
        File.WriteAllText(path, text.Replace(ChinaAsWritten, ChinaAsWritten.Replace(" }", $", {chinaField} }}", StringComparison.Ordinal), StringComparison.Ordinal));
        var result = await TradeSimProcess.RunAsync("run", path, "--engine", "local", "--format", "json");
        result.ExitCode.Should().Be(0, result.Stderr);
        var outcome = JsonNode.Parse(result.Stdout)!;
        var negotiation = outcome["negotiations"]![0]!;
        var canada = outcome["countries"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "CAN")!["welfare"]!["total"]!.GetValue<double>();
        if (negotiation["status"]!.GetValue<string>() != "agreed")
        {
            return (false, 0, 0, canada);
        }

        double TariffOf(string sector) => negotiation["agreement"]!.AsArray().Single(e => e!["sector"]!.GetValue<string>() == sector)!["tariff"]!.GetValue<double>();
        return (true, Array.IndexOf(s_canolaLevels, TariffOf("canola_seed")), Array.IndexOf(s_vehicleLevels, TariffOf("electric_vehicles")), canada);
    }

    private string Posterior(string name, string samples)
    {
        var directory = Path.Combine(_scratch, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "samples.csv"), samples);
        File.WriteAllText(Path.Combine(directory, "diagnostics.json"), Diagnostics);
        return directory;
    }

    private static bool Close(double actual, double expected) => Math.Abs(actual - expected) < 1e-12;

    private static double[] Certain(int level) => [.. Enumerable.Range(0, 3).Select(k => k == level ? 1.0 : 0.0)];

    /// <summary>Mass <paramref name="share"/> at <paramref name="level"/>, the rest at the status quo (level 0).</summary>
    private static double[] Mix(double share, int level) => [.. Enumerable.Range(0, 3).Select(k => (k == level ? share : 0) + (k == 0 ? 1 - share : 0))];

    private static List<double> Probabilities(JsonNode forecast, string issue) =>
        [.. Issue(forecast, issue)["levels"]!.AsArray().Select(l => l!["probability"]!.GetValue<double>())];

    private static List<string> Levels(JsonNode forecast, string issue) =>
        [.. Issue(forecast, issue)["levels"]!.AsArray().Select(l => l!["level"]!.ToJsonString())];

    private static JsonNode Issue(JsonNode forecast, string issue) =>
        forecast["issues"]!.AsArray().Single(i => i!["issue"]!.GetValue<string>() == issue)!;

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
