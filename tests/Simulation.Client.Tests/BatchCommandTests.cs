using System.Text.Json.Nodes;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>
/// `batch SCENARIO|EXPERIMENT.yaml`: every variant checked before the first run, rows in DIR/runs.csv
/// (one per run × negotiation × party), the same rows whatever the parallelism.
/// </summary>
public sealed class BatchCommandTests : IDisposable
{
    private static readonly string Canola = Path.Combine("scenarios", "canada-china-canola.yaml");
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-batch-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task A_grid_with_replicates_writes_one_row_per_run_negotiation_and_party()
    {
        var dir = Path.Combine(scratch, "grid");

        var result = await TradeSimProcess.RunAsync("batch", Canola, "--vary", "countries.CAN.strategy.e=0.2,1,2", "--runs", "2", "--seed", "5", "--out", dir);

        result.ExitCode.Should().Be(0, result.Stderr);
        var text = File.ReadAllText(Path.Combine(dir, "runs.csv"));
        text.Should().EndWith("\r\n");
        var rows = Rows(text);
        rows[0].Should().Equal("run_id", "variant", "replicate", "seed", "countries.CAN.strategy.e",
            "negotiation", "party", "status", "round", "utility", "reservation", "gain", "gain_measure", "error");
        // 3 variants × 2 replicates × 1 negotiation (CAN-CHN) × 2 parties.
        var records = Records(rows);
        records.Should().HaveCount(12);
        records.Select(r => (r["variant"], r["countries.CAN.strategy.e"])).Distinct().Order()
            .Should().Equal(("1", "0.2"), ("2", "1"), ("3", "2"));
        records.Select(r => r["run_id"]).Distinct().Should().HaveCount(6, because: "each run has its own id");
        records.Where(r => r["replicate"] == "1").Select(r => r["seed"]).Should().AllBe("5", because: "replicate 1 runs with the batch seed");
        records.Select(r => (r["negotiation"], r["party"])).Distinct().Order().Should().Equal(("CAN-CHN", "CAN"), ("CAN-CHN", "CHN"));
        result.Stderr.Should().Contain("6 runs (3 variants × 2)").And.Contain("0 failed");
    }

    [Fact]
    public async Task A_run_of_the_batch_is_the_run_command_with_the_same_values_and_seed()
    {
        // CAN plays boulware, which is time-dependent with e = 0.2: setting e = 0.2 changes nothing, so
        // that variant's row must carry what `run --seed 5` prints for the scenario as written.
        var dir = Path.Combine(scratch, "same");
        var batch = await TradeSimProcess.RunAsync("batch", Canola, "--vary", "countries.CAN.strategy.e=0.2", "--seed", "5", "--out", dir);
        var run = await TradeSimProcess.RunAsync("run", Canola, "--engine", "local", "--seed", "5", "--format", "json");

        (batch.ExitCode, run.ExitCode).Should().Be((0, 0), batch.Stderr + run.Stderr);
        var negotiation = JsonNode.Parse(run.Stdout)!["negotiations"]![0]!;
        var records = Records(Rows(File.ReadAllText(Path.Combine(dir, "runs.csv"))));
        foreach (var party in new[] { "CAN", "CHN" })
        {
            var row = records.Single(r => r["party"] == party);
            row["status"].Should().Be(negotiation["status"]!.GetValue<string>());
            row["round"].Should().Be(negotiation["round"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture));
            double.Parse(row["utility"], System.Globalization.CultureInfo.InvariantCulture).Should().Be(negotiation["utility"]![party]!.GetValue<double>());
            double.Parse(row["gain"], System.Globalization.CultureInfo.InvariantCulture).Should().Be(negotiation["gain"]![party]!.GetValue<double>());
            row["gain_measure"].Should().Be(negotiation["gain_measure"]![party]!.GetValue<string>())
                .And.Be(party == "CAN" ? "political-economy score" : "mercantilist score", "the canola table's Canada weighs its organised growers; China is mercantilist");
        }

        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, Canola));
        records[0]["run_id"].Should().Be(RunIds.For(text, 5, "countries.CAN.strategy.e=0.2"), because: "a run id is derived from (scenario, variant, seed)");
    }

    [Fact]
    public async Task The_rows_do_not_depend_on_how_many_runs_are_played_at_once()
    {
        string[] options = ["--vary", "countries.CAN.strategy.e=0.5,1.5", "--sample", "sectors.canola_seed.supply_elasticity=uniform(1,3)", "--runs", "3"];
        var one = await TradeSimProcess.RunAsync(["batch", Canola, .. options, "--parallel", "1", "--out", Path.Combine(scratch, "one")]);
        var two = await TradeSimProcess.RunAsync(["batch", Canola, .. options, "--parallel", "3", "--out", Path.Combine(scratch, "two")]);

        (one.ExitCode, two.ExitCode).Should().Be((0, 0), one.Stderr + two.Stderr);
        var first = File.ReadAllLines(Path.Combine(scratch, "one", "runs.csv"));
        var second = File.ReadAllLines(Path.Combine(scratch, "two", "runs.csv"));
        second[0].Should().Be(first[0]);
        second.Skip(1).Order(StringComparer.Ordinal).Should().Equal(first.Skip(1).Order(StringComparer.Ordinal), because: "rows come as runs finish, but each is the same");
        first.Skip(1).Select(l => l.Split(',')[5]).Distinct().Should().HaveCount(6, because: "each of the 6 runs draws its own elasticity");
    }

    [Fact]
    public async Task An_experiment_file_gives_the_scenario_grid_samples_and_runs()
    {
        var experiment = Path.Combine(scratch, "canola.yaml");
        File.WriteAllText(experiment,
            $"scenario: {Path.Combine(RepositoryPaths.Root, Canola)}\n" +
            "seed: 3\n" +
            "runs: 2\n" +
            "vary:\n" +
            "  countries.CAN.strategy.e: [0.5, 1.5]\n" +
            "sample:\n" +
            "  sectors.canola_seed.supply_elasticity: uniform(1, 3)\n");
        var dir = Path.Combine(scratch, "experiment");

        var result = await TradeSimProcess.RunAsync("batch", experiment, "--out", dir);

        result.ExitCode.Should().Be(0, result.Stderr);
        var rows = Rows(File.ReadAllText(Path.Combine(dir, "runs.csv")));
        rows[0][4..6].Should().Equal("countries.CAN.strategy.e", "sectors.canola_seed.supply_elasticity");
        Records(rows).Should().HaveCount(8); // 2 variants × 2 replicates × 2 parties
    }

    [Fact]
    public async Task Bad_paths_and_values_are_all_reported_before_anything_runs_or_is_written()
    {
        var dir = Path.Combine(scratch, "bad");

        var result = await TradeSimProcess.RunAsync("batch", Canola,
            "--vary", "countries.BRA.strategy.e=1", "--vary", "trade[99].tariff=3", "--sample", "sectors.canola_seed.supply_elasticity=uniform(3,1)",
            "--out", dir);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain("countries.BRA.strategy.e: not in").And.Contain("trade has 10 items, so there is no [99]")
            .And.Contain("uniform(a,b) needs a < b").And.Contain("3 errors; nothing was run.");
        Directory.Exists(dir).Should().BeFalse();
        CommandLineAssertions.NoStackTrace(result);
    }

    [Fact]
    public async Task A_value_the_scenario_refuses_in_some_variants_is_reported_once_with_how_many_runs_it_affects()
    {
        var dir = Path.Combine(scratch, "values");

        var result = await TradeSimProcess.RunAsync("batch", Canola, "--vary", "countries.CAN.strategy.e=-1,0.5", "--runs", "2", "--out", dir);

        // The error points at Canada's strategy preset, the value the varied path replaces.
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, Canola));
        var canada = Array.FindIndex(lines, l => l == "  CAN:");
        var line = Array.FindIndex(lines, canada, l => l.StartsWith("    strategy: ", StringComparison.Ordinal)) + 1;
        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"canada-china-canola.yaml:{line}:15: countries.CAN.strategy.e: must be a number from 0 to 100, got -1 (in 2 of 4 runs, the first with countries.CAN.strategy.e=-1)");
        Directory.Exists(dir).Should().BeFalse();
    }

    [Fact]
    public async Task A_directory_that_already_holds_runs_csv_is_refused_and_left_alone()
    {
        var dir = Directory.CreateDirectory(Path.Combine(scratch, "full")).FullName;
        File.WriteAllText(Path.Combine(dir, "runs.csv"), "earlier\r\n");

        var result = await TradeSimProcess.RunAsync("batch", Canola, "--out", dir);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain("already holds runs.csv");
        File.ReadAllText(Path.Combine(dir, "runs.csv")).Should().Be("earlier\r\n");
    }

    [Theory]
    [InlineData("--runs", "0", "expected an integer from 1 to 100000")]
    [InlineData("--parallel", "0", "expected an integer from 1 to 1024")]
    [InlineData("--seed", "1e3", "expected an integer in decimal digits")]
    public async Task A_bad_count_or_seed_is_a_usage_error(string option, string value, string reason)
    {
        var result = await TradeSimProcess.RunAsync("batch", Canola, option, value, "--out", Path.Combine(scratch, "never"));

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"{option} '{value}': {reason}");
        Directory.Exists(Path.Combine(scratch, "never")).Should().BeFalse();
    }

    [Fact]
    public async Task Ctrl_c_stops_a_batch_with_exit_1_leaving_runs_csv_with_whole_lines()
    {
        // Two hardliners never concede, so each run goes to its deadline of 100 000 rounds (seconds
        // of work): the batch is still under way when the signal arrives.
        var scenario = StalemateScenario.Write(scratch);
        var dir = Path.Combine(scratch, "cancelled");

        using var batch = TradeSimProcess.Start(["batch", scenario, "--runs", "20", "--parallel", "1", "--out", dir]);
        await batch.WaitForStderrLineAsync(line => line.Contains("batch of 20 runs", StringComparison.Ordinal));
        await batch.SignalGroupAsync("INT");
        var result = await batch.WaitForExitAsync();

        result.ExitCode.Should().Be(1, result.Stderr);
        result.Stderr.Should().Contain("cancelled after");
        CommandLineAssertions.NoStackTrace(result);
        var text = File.ReadAllText(Path.Combine(dir, "runs.csv"));
        text.Should().EndWith("\r\n", "no line is torn");
        var rows = Rows(text);
        rows.Should().OnlyContain(r => r.Length == rows[0].Length);
        rows.Count.Should().BeLessThan(1 + (20 * 2), "the batch stopped before its end");
    }

    [Theory]
    [InlineData("summary.json", "")]
    [InlineData("sensitivity.csv", "--sensitivity")]
    [InlineData("sensitivity.json", "--sensitivity")]
    [InlineData("plots/concession-CAN-CHN.png", "--plots")]
    [InlineData("countries.csv", "")]
    [InlineData("trace.csv", "--trace")]
    public async Task A_file_the_batch_would_write_is_never_overwritten(string name, string option)
    {
        // The case: a user's JSON scenario named summary.json in the output directory.
        var dir = Directory.CreateDirectory(Path.Combine(scratch, "mine")).FullName;
        var path = Path.Combine(dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{\"mine\": true}\n");
        string[] extra = option.Length == 0 ? [] : [option];

        var result = await TradeSimProcess.RunAsync(["batch", Path.Combine("scenarios", "canada-china.yaml"), .. extra, "--runs", "2", "--out", dir]);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"--out '{dir}': already holds {name.Split('/')[0]}, which this batch would write");
        File.ReadAllText(path).Should().Be("{\"mine\": true}\n");
        Directory.GetFileSystemEntries(dir).Should().ContainSingle("nothing was written beside it");
    }

    [Theory]
    [InlineData("1.0", "1")]
    [InlineData("2e0", "2")]
    [InlineData("1e3", "1000")]
    [InlineData("1e16", "10000000000000000")]
    public async Task A_seed_written_as_a_decimal_is_the_seed_run_plays(string written, string seed)
    {
        // run reads the scenario's seed by the loader's rule; the batch's replicate 1 must play that seed.
        var scenario = Path.Combine(scratch, "seeded.yaml");
        File.WriteAllText(scenario, File.ReadAllText(Path.Combine(RepositoryPaths.Root, Canola)).Replace("seed: 2026", $"seed: {written}", StringComparison.Ordinal));
        var dir = Path.Combine(scratch, "seeded");

        var batch = await TradeSimProcess.RunAsync("batch", scenario, "--out", dir);
        var run = await TradeSimProcess.RunAsync("run", scenario, "--engine", "local", "--format", "json");

        (batch.ExitCode, run.ExitCode).Should().Be((0, 0), batch.Stderr + run.Stderr);
        JsonNode.Parse(run.Stdout)!["seed"]!.ToJsonString().Should().Be(seed);
        Records(Rows(File.ReadAllText(Path.Combine(dir, "runs.csv")))).Select(r => r["seed"]).Should().AllBe(seed);
    }

    [Fact]
    public async Task Varying_or_sampling_the_seed_is_refused_pointing_to_seed_and_runs()
    {
        var result = await TradeSimProcess.RunAsync("batch", Canola, "--vary", "seed=1,2", "--out", Path.Combine(scratch, "never"));

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain("--vary: seed: the seed is not varied or sampled").And.Contain("use --seed S for the batch seed and --runs N");
        Directory.Exists(Path.Combine(scratch, "never")).Should().BeFalse();
    }

    [Theory]
    [InlineData("--out", "", "--out '': expected the path of a directory")]
    [InlineData("--out", " ", "--out ' ': expected the path of a directory")]
    [InlineData("SCENARIO", "", "SCENARIO '': expected the path of a scenario or experiment file")]
    [InlineData("--plot-run", "", "--plot-run '': expected a run_id of runs.csv")]
    public async Task An_empty_path_is_a_usage_error_in_a_sentence(string option, string value, string message)
    {
        string[] args = option switch
        {
            "SCENARIO" => ["batch", value],
            "--plot-run" => ["batch", Canola, "--plots", "--plot-run", value, "--out", Path.Combine(scratch, "never")],
            _ => ["batch", Canola, option, value],
        };

        var result = await TradeSimProcess.RunAsync(args);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain(message).And.NotContain("Parameter");
        CommandLineAssertions.NoStackTrace(result);
    }

    [Fact]
    public async Task A_directory_that_takes_no_new_file_is_refused_before_any_run()
    {
        // /proc/self is a directory that exists, but no file can be created in it.
        var result = await TradeSimProcess.RunAsync("batch", Canola, "--engine", "local", "--out", "/proc/self");

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain("--out '/proc/self': no file can be created there; choose another directory").And.Contain("Nothing was run.");
        CommandLineAssertions.NoStackTrace(result);
    }

    [Fact]
    public async Task A_line_break_in_the_out_directory_is_spelled_out_in_what_the_batch_prints()
    {
        var dir = Path.Combine(scratch, "a\nb");
        var result = await TradeSimProcess.RunAsync("batch", Canola, "--engine", "local", "--runs", "1", "--out", dir);

        result.ExitCode.Should().Be(0, result.Stderr);
        File.Exists(Path.Combine(dir, "runs.csv")).Should().BeTrue();
        result.Stderr.Should().Contain("a\\u000ab/runs.csv");
        result.Stderr.Split('\n').Should().NotContain(line => line.StartsWith("b/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_experiment_whose_scenario_is_another_experiment_is_refused_saying_so()
    {
        var inner = Path.Combine(scratch, "inner.yaml");
        File.WriteAllText(inner, $"scenario: {Path.Combine(RepositoryPaths.Root, Canola)}\nruns: 2\n");
        var outer = Path.Combine(scratch, "outer.yaml");
        File.WriteAllText(outer, "scenario: inner.yaml\n");

        var result = await TradeSimProcess.RunAsync("batch", outer, "--out", Path.Combine(scratch, "never"));

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"{outer}: scenario: '{inner}' is an experiment file, not a scenario").And.Contain("experiments do not nest")
            .And.NotContain("unknown key");
    }

    private static List<string[]> Rows(string text) =>
        [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(','))];

    private static List<Dictionary<string, string>> Records(List<string[]> rows) =>
        [.. rows.Skip(1).Select(r => rows[0].Zip(r).ToDictionary(x => x.First, x => x.Second))];
}
