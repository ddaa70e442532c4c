using System.Text.Json.Nodes;

namespace Simulation.Client.Tests;

/// <summary>
/// `batch --resume` on a damaged or foreign runs.csv: a run whose write was cut short is dropped
/// whole and played again; rows the batch did not write stop it before anything runs (exit 2, the
/// file and line named, how to repair); failed runs stay failed unless `--retry-failed`; the
/// scenario is recognised by its content, not its file name. The reference for every resumed batch
/// is the same batch run without interruption: same rows, same summary.json byte for byte.
/// </summary>
public sealed class BatchResumeTests : IDisposable
{
    private static readonly string Canola = Path.Combine("scenarios", "canada-china-canola.yaml");

    // 2 variants × 3 replicates, played one at a time so the rows are in plan order: each run has
    // two rows (CAN-CHN × CAN, CHN), so run k (from 1) is on lines 2k and 2k + 1 after the header.
    private static readonly string[] s_options = ["--vary", "countries.CAN.strategy.e=0.5,1.5", "--runs", "3", "--parallel", "1"];
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-batch-resume-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Theory]
    [InlineData("second row torn")]
    [InlineData("second row missing")]
    [InlineData("first row torn")]
    public async Task A_run_whose_write_was_cut_short_is_dropped_whole_and_played_again(string damage)
    {
        var whole = await Batch("whole");
        var cut = await Batch("cut");
        var lines = File.ReadAllText(Path.Combine(cut, "runs.csv")).Split("\r\n")[..^1].ToList();
        var lastRun = lines[^1].Split(',')[0];
        var text = damage switch
        {
            "second row torn" => Join(lines[..^1]) + lines[^1][..25],
            "second row missing" => Join(lines[..^1]),
            _ => Join(lines[..^2]) + lines[^2][..25],
        };
        File.WriteAllText(Path.Combine(cut, "runs.csv"), text);
        File.Delete(Path.Combine(cut, "summary.json"));

        var result = await TradeSimProcess.RunAsync(["batch", Canola, .. s_options, "--out", cut, "--resume"]);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stderr.Should().Contain($"{lastRun} was being written when the batch stopped").And.Contain("1 runs (2 variants × 3, 5 done before)");
        foreach (var file in new[] { "runs.csv", "countries.csv", "exports.csv" })
        {
            SortedLines(cut, file).Should().Equal(SortedLines(whole, file), because: $"{file} has all 6 runs' rows once (13 lines in runs.csv)");
        }

        File.ReadAllText(Path.Combine(cut, "summary.json")).Should().Be(File.ReadAllText(Path.Combine(whole, "summary.json")));
    }

    [Theory]
    [InlineData("torn mid-file", 4, "has 1 field where the header has 14")]
    [InlineData("garbage", 4, "has 1 field where the header has 14")]
    [InlineData("NaN gain", 4, "has gain 'NaN', not a finite number")]
    [InlineData("infinite utility", 4, "has utility '1e999', not a finite number")]
    [InlineData("round not a number", 4, "has round '2.5', not a whole number")]
    [InlineData("unknown status", 4, "has the status 'won', which is none of")]
    [InlineData("duplicate row", 14, "repeats run")]
    [InlineData("foreign run", 4, "has run_id 'run-0123456789abcdef', which is not a run of this batch")]
    [InlineData("wrong variant", 4, "has variant '2', but run")]
    [InlineData("extra field", 4, "has 15 fields where the header has 14")]
    public async Task A_row_the_batch_did_not_write_stops_the_resume_before_anything_runs(string damage, int line, string message)
    {
        var dir = await Batch("damaged");
        var path = Path.Combine(dir, "runs.csv");
        var lines = File.ReadAllText(path).Split("\r\n")[..^1].ToList();
        // Line 4 (index 3) is run 2's second row.
        string[] Fields() => lines[3].Split(',');
        string With(int column, string value)
        {
            var fields = Fields();
            fields[column] = value;
            return string.Join(',', fields);
        }

        switch (damage)
        {
            case "torn mid-file": lines[3] = lines[3][..20]; break;
            case "garbage": lines[3] = "garbage"; break;
            case "NaN gain": lines[3] = With(11, "NaN"); break;
            case "infinite utility": lines[3] = With(9, "1e999"); break;
            case "round not a number": lines[3] = With(8, "2.5"); break;
            case "unknown status": lines[3] = With(7, "won"); break;
            case "duplicate row": lines.Add(lines[1]); break;
            case "foreign run": lines[3] = With(0, "run-0123456789abcdef"); break;
            case "wrong variant": lines[3] = With(1, "2"); break;
            default: lines[3] += ",extra"; break;
        }

        File.WriteAllText(path, Join(lines));
        File.Delete(Path.Combine(dir, "summary.json"));
        var before = Snapshot(dir);

        var result = await TradeSimProcess.RunAsync(["batch", Canola, .. s_options, "--out", dir, "--resume"]);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"{path}:{line}: the row {message}").And.Contain("to repair it, delete each row named").And.Contain("nothing was run");
        CommandLineAssertions.NoStackTrace(result);
        Snapshot(dir).Should().Equal(before, "nothing is run or rewritten");
    }

    [Fact]
    public async Task Failed_runs_stay_failed_on_resume_and_are_played_again_with_retry_failed()
    {
        // A batch that lost a run to a full disk before failed rows stopped being written for it:
        // run 3 has a failed row instead of its two rows.
        var whole = await Batch("whole");
        var dir = await Batch("failed");
        var path = Path.Combine(dir, "runs.csv");
        var lines = File.ReadAllText(path).Split("\r\n")[..^1].ToList();
        var run3 = lines[5].Split(',');
        lines[5] = string.Join(',', run3[..5]) + ",,,failed,,,,,,No space left on device";
        lines.RemoveAt(6);
        File.WriteAllText(path, Join(lines));

        var kept = await TradeSimProcess.RunAsync(["batch", Canola, .. s_options, "--out", dir, "--resume"]);

        kept.ExitCode.Should().Be(1, kept.Stderr);
        kept.Stderr.Should().Contain("0 runs").And.Contain("0 failed (1 more failed before; --resume --retry-failed plays them again)");
        JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")))!["failed"]!.GetValue<long>().Should().Be(1);

        var retried = await TradeSimProcess.RunAsync(["batch", Canola, .. s_options, "--out", dir, "--resume", "--retry-failed"]);

        retried.ExitCode.Should().Be(0, retried.Stderr);
        retried.Stderr.Should().Contain("1 runs (2 variants × 3, 5 done before)").And.Contain("0 failed;");
        foreach (var file in new[] { "runs.csv", "countries.csv", "exports.csv" })
        {
            SortedLines(dir, file).Should().Equal(SortedLines(whole, file));
        }

        File.ReadAllText(Path.Combine(dir, "summary.json")).Should().Be(File.ReadAllText(Path.Combine(whole, "summary.json")));
    }

    [Fact]
    public async Task Retry_failed_without_resume_is_a_usage_error()
    {
        var result = await TradeSimProcess.RunAsync(["batch", Canola, "--retry-failed", "--out", Path.Combine(scratch, "never")]);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain("--retry-failed plays again the failed runs of an interrupted batch, so it needs --resume");
        Directory.Exists(Path.Combine(scratch, "never")).Should().BeFalse();
    }

    [Fact]
    public async Task The_same_scenario_text_from_stdin_or_under_another_name_resumes_and_other_text_is_refused()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, Canola));
        var copy = Path.Combine(scratch, "renamed.yaml");
        File.WriteAllText(copy, text);
        var whole = await Batch("whole");
        var dir = await Batch("stdin");
        var lines = File.ReadAllText(Path.Combine(dir, "runs.csv")).Split("\r\n")[..^1];
        File.WriteAllText(Path.Combine(dir, "runs.csv"), Join(lines[..^2]));

        var piped = await TradeSimProcess.RunAsync(["batch", "/dev/stdin", .. s_options, "--out", dir, "--resume"], environment: null, stdin: text);

        piped.ExitCode.Should().Be(0, piped.Stderr);
        piped.Stderr.Should().Contain("1 runs (2 variants × 3, 5 done before)");
        SortedLines(dir, "runs.csv").Should().Equal(SortedLines(whole, "runs.csv"));

        var renamed = await TradeSimProcess.RunAsync(["batch", copy, .. s_options, "--out", dir, "--resume"]);
        File.WriteAllText(copy, text.Replace("seed: 2026", "seed: 2027", StringComparison.Ordinal));
        var changed = await TradeSimProcess.RunAsync(["batch", copy, .. s_options, "--out", dir, "--resume"]);

        renamed.ExitCode.Should().Be(0, renamed.Stderr);
        renamed.Stderr.Should().Contain("0 runs (2 variants × 3, 6 done before)");
        changed.ExitCode.Should().Be(2, changed.Stderr);
        changed.Stderr.Should().Contain("holds another batch").And.Contain("scenario_sha256 is");
    }

    private async Task<string> Batch(string name)
    {
        var dir = Path.Combine(scratch, name);
        var result = await TradeSimProcess.RunAsync(["batch", Canola, .. s_options, "--out", dir]);
        result.ExitCode.Should().Be(0, result.Stderr);
        return dir;
    }

    private static string Join(IEnumerable<string> lines) => string.Concat(lines.Select(l => l + "\r\n"));

    private static List<string> SortedLines(string dir, string file) =>
        [.. File.ReadAllLines(Path.Combine(dir, file)).Order(StringComparer.Ordinal)];

    private static List<string> Snapshot(string dir) =>
        [.. Directory.GetFiles(dir).Order(StringComparer.Ordinal).Select(f => $"{Path.GetFileName(f)}:{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))}")];
}
