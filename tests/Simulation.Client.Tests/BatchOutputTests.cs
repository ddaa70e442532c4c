using System.Globalization;
using System.Text.Json.Nodes;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>
/// A batch's directory: batch.json, runs.csv, countries.csv, exports.csv, trace.csv on request and
/// summary.json with a printed table; `--resume` after a kill gives the rows of an uninterrupted
/// batch; `--engine grains` gives the rows of `--engine local`.
/// </summary>
public sealed class BatchOutputTests : IDisposable
{
    private static readonly string Canola = Path.Combine("scenarios", "canada-china-canola.yaml");
    private static readonly string[] s_files = ["runs.csv", "countries.csv", "exports.csv", "trace.csv"];
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-batch-out-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task Every_file_has_its_documented_columns_and_whole_rows()
    {
        var dir = Path.Combine(scratch, "schema");

        var result = await TradeSimProcess.RunAsync("batch", Canola, "--vary", "countries.CAN.strategy.e=0.5,1.5",
            "--sample", "sectors.canola_seed.supply_elasticity=uniform(1,3)", "--runs", "2", "--trace", "--out", dir);

        result.ExitCode.Should().Be(0, result.Stderr);
        CommandLineAssertions.HoldsOnly(dir, "batch.json", "runs.csv", "countries.csv", "exports.csv", "trace.csv", "summary.json");
        string[] leading = ["run_id", "variant", "replicate", "seed", "countries.CAN.strategy.e", "sectors.canola_seed.supply_elasticity"];
        Header(dir, "runs.csv").Should().Equal([.. leading, "negotiation", "party", "status", "round", "utility", "reservation", "gain", "gain_measure", "error"]);
        Header(dir, "countries.csv").Should().Equal([.. leading, "country", "welfare_total", "consumer_surplus", "tariff_revenue", "producer_surplus",
            "objective", "objective_name", "objective_value", "mercantilist", "welfare", "political", "exports_change", "imports_change",
            "largest_partner_before", "largest_share_before", "largest_partner_after", "largest_share_after"]);
        Header(dir, "exports.csv").Should().Equal([.. leading, "country", "partner", "before", "after", "share_before", "share_after"]);
        Header(dir, "trace.csv").Should().Equal("run", "negotiation", "round", "turn", "party", "action", "offer", "utilities");
        foreach (var file in s_files)
        {
            var text = File.ReadAllText(Path.Combine(dir, file));
            text.Should().EndWith("\r\n");
            Rows(text).Should().OnlyContain(r => r.Length == Rows(text)[0].Length, because: $"every row of {file} is whole");
        }

        var runIds = Records(dir, "runs.csv").Select(r => r["run_id"]).ToHashSet();
        runIds.Should().HaveCount(4, because: "2 variants × 2 replicates");
        Records(dir, "countries.csv").Select(r => r["run_id"]).ToHashSet().Should().BeEquivalentTo(runIds);
        Records(dir, "exports.csv").Select(r => r["run_id"]).ToHashSet().Should().BeEquivalentTo(runIds);
        Records(dir, "trace.csv").Select(r => r["run"]).ToHashSet().Should().BeEquivalentTo(runIds);
        Records(dir, "countries.csv").GroupBy(r => r["run_id"]).Should().OnlyContain(g => g.Count() == g.Select(r => r["country"]).Distinct().Count(),
            because: "one row per run × country");
    }

    [Fact]
    public async Task A_run_s_country_rows_and_trace_are_those_of_the_run_command_with_the_same_seed()
    {
        // The batch's first run (e = 0.2 is boulware's own value, so the scenario as written) against
        // `run --seed 5 --format json --trace`, which writes the same outcome through another path.
        var dir = Path.Combine(scratch, "same");
        var trace = Path.Combine(scratch, "run-trace.csv");
        var batch = await TradeSimProcess.RunAsync("batch", Canola, "--vary", "countries.CAN.strategy.e=0.2", "--seed", "5", "--trace", "--out", dir);
        var run = await TradeSimProcess.RunAsync("run", Canola, "--engine", "local", "--seed", "5", "--format", "json", "--trace", trace);

        (batch.ExitCode, run.ExitCode).Should().Be((0, 0), batch.Stderr + run.Stderr);
        var countries = JsonNode.Parse(run.Stdout)!["countries"]!.AsArray();
        var rows = Records(dir, "countries.csv");
        rows.Select(r => r["country"]).Should().Equal(countries.Select(c => c!["id"]!.GetValue<string>()));
        foreach (var country in countries)
        {
            var row = rows.Single(r => r["country"] == country!["id"]!.GetValue<string>());
            row["objective"].Should().Be(country!["objective"]!["kind"]!.GetValue<string>());
            row["objective_name"].Should().Be(country["objective"]!["name"]!.GetValue<string>());
            Number(row["objective_value"]).Should().Be(country["objective"]!["value"]!.GetValue<double>());
            Number(row["welfare_total"]).Should().Be(country["welfare"]!["total"]!.GetValue<double>());
            Number(row["consumer_surplus"]).Should().Be(country["welfare"]!["consumer_surplus"]!.GetValue<double>());
            var exports = Records(dir, "exports.csv").Where(r => r["country"] == row["country"]).ToList();
            var after = country["exports"]!["after"]!.AsObject();
            exports.Select(r => r["partner"]).Should().BeEquivalentTo(after.Select(p => p.Key));
            exports.Select(r => Number(r["after"])).Should().Equal(exports.Select(r => after[r["partner"]]!.GetValue<double>()));
        }

        // The same turns; the run command's trace names the run by its own id (no variant in it).
        var batchTurns = File.ReadAllLines(Path.Combine(dir, "trace.csv")).Select(l => l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..]);
        var runTurns = File.ReadAllLines(trace).Select(l => l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..]);
        batchTurns.Should().Equal(runTurns);
    }

    [Fact]
    public async Task The_summary_of_200_runs_is_the_mean_and_t_interval_of_their_rows()
    {
        // 2 variants × 100 replicates of a shipped scenario, each drawing its own canola supply
        // elasticity. Expected numbers are computed here from runs.csv by the textbook formulas:
        // x̄, s² = Σ(x − x̄)²/(n − 1), x̄ ± t·s/√n with t(0.975, 99) = 1.984217 (any t table).
        var dir = Path.Combine(scratch, "summary");

        var result = await TradeSimProcess.RunAsync("batch", Canola, "--vary", "countries.CAN.strategy.e=0.5,2",
            "--sample", "sectors.canola_seed.supply_elasticity=uniform(0.5,4)", "--runs", "100", "--engine", "local", "--out", dir);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stderr.Should().NotContain("\u001b[", "stderr is not a terminal: no progress bar, only the first and final lines");
        result.Stderr.Trim().Split('\n').Should().HaveCount(2);
        result.Stdout.Should().Contain("Batch summary").And.Contain("CAN-CHN");
        var rows = Records(dir, "runs.csv");
        rows.Should().HaveCount(400, because: "200 runs × 1 negotiation × 2 parties");
        rows.Select(r => r["run_id"]).Distinct().Should().HaveCount(200);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")))!;
        summary["runs"]!.GetValue<long>().Should().Be(200);
        summary["failed"]!.GetValue<long>().Should().Be(0);
        foreach (var variant in summary["variants"]!.AsArray())
        {
            var number = variant!["variant"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture);
            var mine = rows.Where(r => r["variant"] == number).ToList();
            variant["runs"]!.GetValue<int>().Should().Be(100);
            var negotiation = variant["negotiations"]![0]!;
            var can = mine.Where(r => r["party"] == "CAN").ToList();
            negotiation["agreed"]!.GetValue<int>().Should().Be(can.Count(r => r["status"] == "agreed"));
            negotiation["agreement_rate"]!.GetValue<double>().Should().BeApproximately(can.Count(r => r["status"] == "agreed") / 100.0, 1e-12);
            ShouldBeInterval(negotiation["round"]!, can.Select(r => Number(r["round"])).ToList());
            foreach (var party in negotiation["parties"]!.AsArray())
            {
                var theirs = mine.Where(r => r["party"] == party!["party"]!.GetValue<string>()).ToList();
                ShouldBeInterval(party!["utility"]!, theirs.Select(r => Number(r["utility"])).ToList());
                ShouldBeInterval(party["gain"]!, theirs.Select(r => Number(r["gain"])).ToList());
                party["gain_measure"]!.GetValue<string>().Should().Be(theirs.Select(r => r["gain_measure"]).Distinct().Single());
            }
        }
    }

    [Fact]
    public async Task A_batch_killed_mid_way_and_resumed_holds_the_rows_of_an_uninterrupted_one()
    {
        var scenario = Stalemate(rounds: 400);
        string[] options = ["batch", scenario, "--sample", "sectors.goods.demand_elasticity=uniform(1.2,2)", "--runs", "40", "--parallel", "1", "--trace"];
        var whole = Path.Combine(scratch, "whole");
        var resumed = Path.Combine(scratch, "resumed");
        var uninterrupted = await TradeSimProcess.RunAsync([.. options, "--out", whole]);
        uninterrupted.ExitCode.Should().Be(0, uninterrupted.Stderr);

        using (var batch = TradeSimProcess.Start([.. options, "--out", resumed]))
        {
            await batch.WaitForStderrLineAsync(line => line.Contains("batch of 40 runs", StringComparison.Ordinal));
            // Killed without warning (SIGKILL: no handler runs) once a few runs are written.
            var runs = Path.Combine(resumed, "runs.csv");
            // Bounded: 40 runs of 400 rounds take seconds; a batch that writes nothing fails here, not hangs.
            var deadline = DateTime.UtcNow + TradeSimProcess.DefaultLimit;
            while (!File.Exists(runs) || File.ReadAllLines(runs).Length < 1 + (5 * 2))
            {
                DateTime.UtcNow.Should().BeBefore(deadline, "the batch writes its first five runs within the limit");
                await Task.Delay(20);
            }

            await batch.SignalGroupAsync("KILL");
            await batch.WaitForExitAsync();
        }

        Records(resumed, "runs.csv").Select(r => r["run_id"]).Distinct().Count().Should().BeLessThan(40, "the batch was killed before its end");

        var resume = await TradeSimProcess.RunAsync([.. options, "--out", resumed, "--resume"]);

        resume.ExitCode.Should().Be(0, resume.Stderr);
        resume.Stderr.Should().Contain("already there, resumed");
        foreach (var file in s_files)
        {
            SortedLines(resumed, file).Should().Equal(SortedLines(whole, file), because: $"{file} holds the same rows, in the order runs finished");
        }

        File.ReadAllText(Path.Combine(resumed, "summary.json")).Should().Be(File.ReadAllText(Path.Combine(whole, "summary.json")));
    }

    [Fact]
    public async Task Resuming_drops_a_torn_line_and_the_rows_of_a_run_that_never_reached_runs_csv()
    {
        // An interrupted batch built by hand from a finished one: its last run is gone from runs.csv,
        // its country rows are there, and countries.csv and runs.csv end in half a line.
        string[] options = ["batch", Canola, "--vary", "countries.CAN.strategy.e=0.5,1.5", "--runs", "2"];
        var whole = Path.Combine(scratch, "whole");
        var cut = Path.Combine(scratch, "cut");
        (await TradeSimProcess.RunAsync([.. options, "--out", whole])).ExitCode.Should().Be(0);
        (await TradeSimProcess.RunAsync([.. options, "--out", cut])).ExitCode.Should().Be(0);
        var lines = File.ReadAllLines(Path.Combine(cut, "runs.csv"));
        var lastRun = lines[^1].Split(',')[0];
        File.WriteAllText(Path.Combine(cut, "runs.csv"), string.Concat(lines.Where(l => !l.StartsWith(lastRun, StringComparison.Ordinal)).Select(l => l + "\r\n")) + lastRun + ",2,2,");
        File.AppendAllText(Path.Combine(cut, "countries.csv"), lastRun + ",2,2,77,1.5,CA");
        File.Delete(Path.Combine(cut, "summary.json"));

        var result = await TradeSimProcess.RunAsync([.. options, "--out", cut, "--resume"]);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stderr.Should().Contain("1 runs (2 variants × 2, 3 done before)");
        foreach (var file in new[] { "runs.csv", "countries.csv", "exports.csv" })
        {
            SortedLines(cut, file).Should().Equal(SortedLines(whole, file), because: $"{file} has each run's rows once and no torn line");
        }

        File.ReadAllText(Path.Combine(cut, "summary.json")).Should().Be(File.ReadAllText(Path.Combine(whole, "summary.json")));
    }

    [Fact]
    public async Task Resuming_with_other_options_is_refused_with_exit_2_and_changes_nothing()
    {
        var dir = Path.Combine(scratch, "other");
        (await TradeSimProcess.RunAsync("batch", Canola, "--runs", "2", "--out", dir)).ExitCode.Should().Be(0);
        var before = s_files.Take(3).Select(f => File.ReadAllText(Path.Combine(dir, f))).ToList();

        var result = await TradeSimProcess.RunAsync("batch", Canola, "--runs", "3", "--seed", "9", "--out", dir, "--resume");
        var nowhere = await TradeSimProcess.RunAsync("batch", Canola, "--out", Path.Combine(scratch, "empty"), "--resume");
        var again = await TradeSimProcess.RunAsync("batch", Canola, "--runs", "2", "--out", dir);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain("holds another batch").And.Contain("runs is 2 there but 3 here").And.Contain("seed is \"2026\" there but \"9\" here");
        CommandLineAssertions.NoStackTrace(result);
        nowhere.ExitCode.Should().Be(2);
        nowhere.Stderr.Should().Contain("holds no batch.json, so there is no batch to resume there");
        again.ExitCode.Should().Be(2);
        again.Stderr.Should().Contain("already holds runs.csv").And.Contain("--resume");
        s_files.Take(3).Select(f => File.ReadAllText(Path.Combine(dir, f))).Should().Equal(before);
    }

    [Fact]
    public async Task The_grains_engine_writes_the_rows_of_the_local_engine()
    {
        // A varied preset parameter and a sampled elasticity: the grain is sent the scenario's text
        // with both written in, and must play the run the in-process engine plays.
        string[] options = ["batch", Canola, "--vary", "countries.CAN.strategy.e=0.5,2", "--sample", "sectors.canola_seed.supply_elasticity=uniform(1,3)", "--runs", "2"];
        var local = await TradeSimProcess.RunAsync([.. options, "--engine", "local", "--out", Path.Combine(scratch, "local")]);
        var grains = await TradeSimProcess.RunAsync([.. options, "--engine", "grains", "--out", Path.Combine(scratch, "grains")]);

        (local.ExitCode, grains.ExitCode).Should().Be((0, 0), local.Stderr + grains.Stderr);
        grains.Stderr.Should().Contain("on the grains engine");
        foreach (var file in new[] { "runs.csv", "countries.csv", "exports.csv" })
        {
            SortedLines(Path.Combine(scratch, "grains"), file).Should().Equal(SortedLines(Path.Combine(scratch, "local"), file));
        }
    }

    [Fact]
    public async Task Local_with_a_gateway_is_a_usage_error()
    {
        var result = await TradeSimProcess.RunAsync("batch", Canola, "--engine", "local", "--gateway", "127.0.0.1:30000", "--out", Path.Combine(scratch, "never"));

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain("--gateway needs --engine grains");
        Directory.Exists(Path.Combine(scratch, "never")).Should().BeFalse();
    }

    /// <summary>Checks a summary entry {mean, low, high, count} against the values, by the t-interval with t(0.975, 99).</summary>
    private static void ShouldBeInterval(JsonNode entry, IReadOnlyList<double> values)
    {
        values.Should().HaveCount(100);
        var mean = values.Sum() / values.Count;
        var s = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        var half = 1.984217 * s / Math.Sqrt(values.Count);
        var tolerance = 1e-9 * Math.Max(1, Math.Abs(mean)) + (1e-6 * half);
        entry["count"]!.GetValue<int>().Should().Be(100);
        entry["mean"]!.GetValue<double>().Should().BeApproximately(mean, tolerance);
        entry["low"]!.GetValue<double>().Should().BeApproximately(mean - half, tolerance);
        entry["high"]!.GetValue<double>().Should().BeApproximately(mean + half, tolerance);
    }

    private string Stalemate(int rounds) => StalemateScenario.Write(scratch, rounds);

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static List<string> SortedLines(string dir, string file) =>
        [.. File.ReadAllLines(Path.Combine(dir, file)).Order(StringComparer.Ordinal)];

    private static string[] Header(string dir, string file) => Rows(File.ReadAllText(Path.Combine(dir, file)))[0];

    private static List<string[]> Rows(string text) =>
        [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(Fields)];

    private static List<Dictionary<string, string>> Records(string dir, string file)
    {
        var rows = Rows(File.ReadAllText(Path.Combine(dir, file)));
        return [.. rows.Skip(1).Select(r => rows[0].Zip(r).ToDictionary(x => x.First, x => x.Second))];
    }

    /// <summary>RFC 4180 fields of one line (quoted fields may hold commas; no field here holds a line break).</summary>
    private static string[] Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }

    [Fact]
    public async Task A_silo_that_is_not_there_fails_the_batch_and_leaves_no_directory()
    {
        var dir = Path.Combine(scratch, "unreached");

        // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
        var result = await TradeSimProcess.RunAsync("batch", Canola, "--engine", "grains", "--gateway", "127.0.0.1:1", "--connect-timeout", "2", "--out", dir);

        result.ExitCode.Should().Be(1, result.Stderr);
        result.Stderr.Should().Contain("cannot reach a TradeSim silo at 127.0.0.1:1");
        Directory.Exists(dir).Should().BeFalse();
    }
}
