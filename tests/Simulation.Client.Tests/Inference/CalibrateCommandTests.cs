using System.Globalization;
using System.Text.Json.Nodes;

namespace Simulation.Client.Tests.Inference;

/// <summary>
/// `tradesim calibrate` end to end on the local engine: parameter recovery from an episode the
/// engine made at known parameters, the warning for a parameter no outcome depends on,
/// determinism whatever the parallelism, `--resume` after a lost generation, and bad input.
/// </summary>
public sealed class CalibrateCommandTests : IDisposable
{
    private readonly CalibrationWorld _world = new();

    public void Dispose() => _world.Dispose();

    /// <summary>
    /// The prior of Canada's e is loguniform(0.05, 20): its 90% interval spans 0.9·ln(400) = 5.39 in
    /// log units. The posterior's must hold the true e = 3 and be narrower. The rest of the world's
    /// partner weight changes no outcome: its posterior stays as wide as its prior, and the command says so.
    /// </summary>
    [Fact]
    public async Task The_true_value_is_inside_the_posterior_interval_which_is_narrower_than_the_prior_and_an_unused_parameter_is_flagged()
    {
        await _world.WriteEpisodeAsync();
        var posterior = _world.Out("posterior");

        var result = await Calibrate(posterior, "--particles", "200", "--generations", "5", "--plots");

        result.ExitCode.Should().Be(0, result.Stderr);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(posterior, "summary.json")))!;
        var e = summary["countries.CAN.strategy.e"]!;
        var (q05, q95) = (e["q05"]!.GetValue<double>(), e["q95"]!.GetValue<double>());
        CalibrationWorld.TrueCanadaE.Should().BeInRange(q05, q95);
        (Math.Log(q95) - Math.Log(q05)).Should().BeLessThan(0.9 * Math.Log(400));

        var diagnostics = JsonNode.Parse(File.ReadAllText(Path.Combine(posterior, "diagnostics.json")))!;
        diagnostics["not_identified"]!.AsObject().Select(p => p.Key).Should().Equal("countries.ROW.partner_weights.CAN");
        diagnostics["episodes"]!.AsArray().Select(x => x!.GetValue<string>()).Should().Equal("synthetic");
        diagnostics["learned_until"]!.GetValue<string>().Should().Be("2025-01-01");
        result.Stdout.Should().Contain("not identified by these episodes: posterior 90% interval is");

        var rows = File.ReadAllLines(Path.Combine(posterior, "samples.csv"));
        rows[0].Should().Be("particle,weight,distance,countries.CAN.strategy.e,countries.ROW.partner_weights.CAN");
        rows.Skip(1).Should().HaveCount(200);
        rows.Skip(1).Sum(r => double.Parse(r.Split(',')[1], CultureInfo.InvariantCulture)).Should().BeApproximately(1, 1e-9);
        Directory.GetFiles(Path.Combine(posterior, "plots")).Select(Path.GetFileName).Should().BeEquivalentTo(
            "countries.CAN.strategy.e.png", "countries.ROW.partner_weights.CAN.png");
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_samples_whatever_the_parallelism_and_a_resumed_calibration_ends_the_same()
    {
        await _world.WriteEpisodeAsync();
        var (one, three) = (_world.Out("one"), _world.Out("three"));
        string[] options = ["--particles", "60", "--generations", "4", "--seed", "7"];

        var first = await Calibrate(one, [.. options, "--parallel", "1"]);
        var second = await Calibrate(three, [.. options, "--parallel", "3"]);

        first.ExitCode.Should().Be(0, first.Stderr);
        second.ExitCode.Should().Be(0, second.Stderr);
        var samples = File.ReadAllText(Path.Combine(one, "samples.csv"));
        File.ReadAllText(Path.Combine(three, "samples.csv")).Should().Be(samples);

        // As if stopped during the last generation: its files and the results are not there yet.
        var last = Directory.GetFiles(Path.Combine(three, "generations"), "*.json").Max(f => int.Parse(Path.GetFileNameWithoutExtension(f), CultureInfo.InvariantCulture));
        foreach (var file in new[] { $"generations/{last}.csv", $"generations/{last}.json", "samples.csv", "summary.json", "diagnostics.json" })
        {
            File.Delete(Path.Combine(three, file));
        }

        var resumed = await Calibrate(three, [.. options, "--resume"]);

        resumed.ExitCode.Should().Be(0, resumed.Stderr);
        resumed.Stderr.Should().Contain($"resuming after generation {last - 1}");
        File.ReadAllText(Path.Combine(three, "samples.csv")).Should().Be(samples);
        File.ReadAllText(Path.Combine(three, "diagnostics.json")).Should().Be(File.ReadAllText(Path.Combine(one, "diagnostics.json")));
    }

    [Fact]
    public async Task Both_engines_give_the_same_posterior()
    {
        await _world.WriteEpisodeAsync();
        string[] options = ["--particles", "30", "--generations", "3", "--seed", "5"];

        var local = await Calibrate(_world.Out("local"), options);
        var grains = await TradeSimProcess.RunAsync(["calibrate", _world.EpisodesFile, "--priors", _world.PriorsFile, "--out", _world.Out("grains"), "--engine", "grains", .. options]);

        local.ExitCode.Should().Be(0, local.Stderr);
        grains.ExitCode.Should().Be(0, grains.Stderr);
        File.ReadAllText(Path.Combine(_world.Out("grains"), "samples.csv")).Should().Be(File.ReadAllText(Path.Combine(_world.Out("local"), "samples.csv")));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_every_error_exit_2_and_nothing_written()
    {
        await _world.WriteEpisodeAsync();
        var priors = Path.Combine(_world.Folder, "bad-priors.yaml");
        File.WriteAllText(priors, "parameters:\n  countries.CHN.strategy.e: uniform(1, 2)\n");
        var twoErrors = Path.Combine(_world.Folder, "two-errors.yaml");
        File.WriteAllText(twoErrors, "parameters:\n  countries.CAN.strategy.e: uniform(5, 1)\n  countries.IDN.strategy.e: beta(1, 2)\n");
        var existing = _world.Out("existing");
        Directory.CreateDirectory(Path.Combine(existing, "generations"));
        var damaged = _world.Out("damaged");
        Directory.CreateDirectory(damaged);
        File.WriteAllText(Path.Combine(damaged, "calibration.json"), "{");
        var file = Path.Combine(_world.Folder, "a-file");
        File.WriteAllText(file, "");

        var cases = new (string[] Args, string Message)[]
        {
            (["calibrate", Path.Combine(_world.Folder, "missing.yaml"), "--priors", _world.PriorsFile, "--out", _world.Out("x")], "missing.yaml"),
            (["calibrate", _world.EpisodesFile, "--priors", priors, "--out", _world.Out("x")], "no episode's scenario has this path"),
            (["calibrate", _world.EpisodesFile, "--priors", _world.PriorsFile, "--out", _world.Out("x"), "--particles", "0"], "--particles"),
            (["calibrate", _world.EpisodesFile, "--priors", _world.PriorsFile, "--out", _world.Out("x"), "--generations", "many"], "--generations"),
            (["calibrate", _world.EpisodesFile, "--out", _world.Out("x")], "--priors"),
            (["calibrate", _world.EpisodesFile, "--priors", _world.PriorsFile, "--out", existing], "holds a calibration already"),
            (["calibrate", _world.EpisodesFile, "--priors", _world.PriorsFile, "--out", _world.Out("none"), "--resume"], "there is no calibration to resume"),
            (["calibrate", _world.EpisodesFile, "--priors", _world.PriorsFile, "--out", Path.Combine(file, "sub")], "cannot be written"),
            (["calibrate", _world.EpisodesFile, "--priors", _world.PriorsFile, "--out", damaged, "--resume"], "calibration.json cannot be read back"),
            (["calibrate", _world.EpisodesFile, "--priors", _world.PriorsFile, "--out", _world.Out("x"), "--before", "2025-13-01"], "--before"),
            (["calibrate", _world.EpisodesFile, "--priors", _world.PriorsFile, "--out", _world.Out("x"), "--before", "2025-01-01"], "no episode became known before 2025-01-01"),
        };

        foreach (var (args, message) in cases)
        {
            var result = await TradeSimProcess.RunAsync(args);
            result.ExitCode.Should().Be(2, $"{string.Join(' ', args)}: {result.Stderr}");
            result.Stderr.Should().Contain(message);
            CommandLineAssertions.NoStackTrace(result);
        }

        var bad = await TradeSimProcess.RunAsync("calibrate", _world.EpisodesFile, "--priors", twoErrors, "--out", _world.Out("x"));
        bad.Stderr.Should().Contain("two-errors.yaml:2:").And.Contain("two-errors.yaml:3:").And.Contain("unknown distribution 'beta'", because: "both errors of the priors file are listed at once");
        Directory.Exists(_world.Out("x")).Should().BeFalse();
    }

    [Fact]
    public async Task Before_a_date_the_calibration_learns_only_from_the_episodes_known_by_then()
    {
        // The episode file holds the synthetic episode (known 2025-01-01) and a copy known a year later.
        await _world.WriteEpisodeAsync();
        var text = File.ReadAllText(_world.EpisodesFile);
        var copy = text[text.IndexOf("  - id:", StringComparison.Ordinal)..].Replace("id: synthetic", "id: later", StringComparison.Ordinal).Replace("known: 2025-01-01", "known: 2026-01-01", StringComparison.Ordinal);
        File.WriteAllText(_world.EpisodesFile, text + copy);

        var result = await Calibrate(_world.Out("before"), "--particles", "10", "--generations", "1", "--before", "2025-06-30");

        result.ExitCode.Should().Be(0, result.Stderr);
        var diagnostics = JsonNode.Parse(File.ReadAllText(Path.Combine(_world.Out("before"), "diagnostics.json")))!;
        diagnostics["episodes"]!.AsArray().Select(x => x!.GetValue<string>()).Should().Equal("synthetic");
        diagnostics["learned_until"]!.GetValue<string>().Should().Be("2025-01-01");
    }

    private Task<TradeSimProcess.Result> Calibrate(string posterior, params string[] options) =>
        TradeSimProcess.RunAsync(["calibrate", _world.EpisodesFile, "--priors", _world.PriorsFile, "--out", posterior, "--engine", "local", .. options]);
}
