using System.Text.Json.Nodes;
using Simulation.Client.Batch;
using Simulation.Client.Hosting;
using Simulation.Model.Reporting;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Experiments;
using Simulation.Model.Runs.Journal;
using Simulation.Model.Input;

namespace Simulation.Client.Tests;

/// <summary>
/// Faults from outside a batch's runs, injected in process where a real one needs root or luck: a
/// disk that fills up mid-batch (a stream that stops taking bytes as a full file system does) and a
/// run that fails every time it is played. The batch, its files and the `--resume` that follows are
/// the real ones; the reference is the same batch run without the fault.
/// </summary>
public sealed class BatchFaultTests : IDisposable
{
    private static readonly string Canola = Path.Combine(RepositoryPaths.Root, "scenarios", "canada-china-canola.yaml");
    private static readonly string[] s_options = ["--vary", "countries.CAN.strategy.e=0.5,1.5", "--runs", "3", "--parallel", "1"];
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-batch-fault-").FullName;

    // Every wait in process is bounded, as the CLI's are: a batch that hangs fails the test.
    private readonly CancellationTokenSource limit = new(TradeSimProcess.DefaultLimit);

    public void Dispose()
    {
        limit.Dispose();
        Directory.Delete(scratch, recursive: true);
    }

    [Fact]
    public async Task A_full_disk_stops_the_batch_with_no_run_marked_failed_and_resume_finishes_it()
    {
        var whole = Path.Combine(scratch, "whole");
        (await TradeSimProcess.RunAsync(["batch", Canola, .. s_options, "--out", whole])).ExitCode.Should().Be(0);
        string[] files = ["runs.csv", "countries.csv", "exports.csv"];
        // Room for about half of what the whole batch writes, so the disk fills between runs 1 and 6.
        var disk = new SmallDisk(files.Sum(f => new FileInfo(Path.Combine(whole, f)).Length) / 2);
        var dir = Path.Combine(scratch, "full");
        var plan = Plan();

        int exit;
        using (var output = BatchOutput.Create(dir, Columns(plan), BatchIdentity.Of(plan, trace: false), trace: false, [], disk.Open))
        {
            exit = await BatchRunner.RunAsync(plan, output, new LocalRunHost(), BatchAnalyses.Create(plan, null, null, false, null, dir), 1, limit.Token);
        }

        exit.Should().Be(1);
        disk.Refused.Should().BeTrue("the disk filled up");
        var runs = File.ReadAllText(Path.Combine(dir, "runs.csv"));
        runs.Should().NotContain("failed", "a full disk is no run's failure");
        var written = runs.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).Distinct().Count();
        written.Should().BeInRange(1, 5);
        foreach (var file in files)
        {
            var text = File.ReadAllText(Path.Combine(dir, file));
            text.Should().EndWith("\r\n", $"the part of a run that did fit in {file} was cut off again");
        }

        File.Exists(Path.Combine(dir, "summary.json")).Should().BeFalse();

        var resumed = await TradeSimProcess.RunAsync(["batch", Canola, .. s_options, "--out", dir, "--resume"]);

        resumed.ExitCode.Should().Be(0, resumed.Stderr);
        resumed.Stderr.Should().Contain($"{6 - written} runs (2 variants × 3, {written} done before)").And.Contain("0 failed;");
        foreach (var file in files)
        {
            SortedLines(dir, file).Should().Equal(SortedLines(whole, file));
        }

        File.ReadAllText(Path.Combine(dir, "summary.json")).Should().Be(File.ReadAllText(Path.Combine(whole, "summary.json")));
    }

    [RootFact]
    public async Task A_real_file_system_that_fills_up_stops_the_batch_and_resume_finishes_it_once_it_has_room()
    {
        // A 64 KB tmpfs holds about 17 of the 120 runs' rows; then it is given 4 MB, as a user frees space.
        string[] options = ["--vary", "countries.CAN.strategy.e=0.5,1.5", "--runs", "60"];
        var whole = Path.Combine(scratch, "whole");
        (await TradeSimProcess.RunAsync(["batch", Canola, .. options, "--out", whole])).ExitCode.Should().Be(0);
        var disk = Directory.CreateDirectory(Path.Combine(scratch, "tmpfs")).FullName;
        await Command("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk);
        try
        {
            var dir = Path.Combine(disk, "batch");
            var full = await TradeSimProcess.RunAsync(["batch", Canola, .. options, "--out", dir]);

            full.ExitCode.Should().Be(1, full.Stderr);
            full.Stderr.Should().Contain("No space left on device").And.Contain("none marked failed").And.Contain("--resume");
            CommandLineAssertions.NoStackTrace(full);
            File.ReadAllText(Path.Combine(dir, "runs.csv")).Should().NotContain("failed").And.EndWith("\r\n");
            File.Exists(Path.Combine(dir, "summary.json")).Should().BeFalse();

            await Command("mount", "-o", "remount,size=4m", disk);
            var resumed = await TradeSimProcess.RunAsync(["batch", Canola, .. options, "--out", dir, "--resume"]);

            resumed.ExitCode.Should().Be(0, resumed.Stderr);
            foreach (var file in new[] { "runs.csv", "countries.csv", "exports.csv" })
            {
                SortedLines(dir, file).Should().Equal(SortedLines(whole, file));
            }

            File.ReadAllText(Path.Combine(dir, "summary.json")).Should().Be(File.ReadAllText(Path.Combine(whole, "summary.json")));
        }
        finally
        {
            await Command("umount", disk);
        }
    }

    [Fact]
    public async Task A_run_that_fails_is_tried_twice_then_written_as_one_failed_row_and_the_batch_exits_1()
    {
        var plan = Plan();
        var first = plan.Runs().First();
        var failing = RunIds.For(plan.Document.Text, first.Seed, first.SettingsKey);
        var engine = new FailingRun(new LocalRunHost(), failing);
        var dir = Path.Combine(scratch, "failing");

        int exit;
        using (var output = BatchOutput.Create(dir, Columns(plan), BatchIdentity.Of(plan, trace: false), trace: false, [], BatchCsvFile.Disk))
        {
            exit = await BatchRunner.RunAsync(plan, output, engine, BatchAnalyses.Create(plan, null, null, false, null, dir), 1, limit.Token);
        }

        exit.Should().Be(1);
        engine.Attempts.Should().Be(2, "a failed run is tried once more");
        var rows = File.ReadAllLines(Path.Combine(dir, "runs.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        rows.Where(r => r[0] == failing).Should().ContainSingle().Which[^7..].Should().Equal("failed", "", "", "", "", "", FailingRun.Error);
        rows.Where(r => r[0] != failing).Should().HaveCount(5 * 2, "the other five runs completed, two rows each");
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")))!;
        (summary["runs"]!.GetValue<long>(), summary["failed"]!.GetValue<long>()).Should().Be((6, 1));
    }

    [Fact]
    public async Task Plots_name_the_failed_run_whose_concession_curves_cannot_be_drawn()
    {
        var plan = Plan();
        var dir = Path.Combine(scratch, "plots");
        var plots = BatchPlots.Create(plan, dir, plotRun: null);
        var engine = new LocalRunHost();
        string? firstId = null;
        foreach (var run in plan.Runs())
        {
            var id = RunIds.For(plan.Document.Text, run.Seed, run.SettingsKey);
            if (firstId is null)
            {
                firstId = id;
                plots.Failed(id, FailingRun.Error);
                continue;
            }

            plots.Completed(run, id, await engine.PlayAsync(BatchRunner.Order(plan, run.Settings, run.Seed, id), null, null, limit.Token));
        }

        var warnings = new StringWriter();
        var written = plots.Write(warnings);

        warnings.ToString().Should().Contain($"warning: no concession chart: run {firstId} failed ({FailingRun.Error}); choose a run that completed with --plot-run RUN_ID");
        written.Select(Path.GetFileName).Should().NotContain("concession-CAN-CHN.png").And.Contain("agreement-rate-CAN-CHN.png");
    }

    /// <summary>Runs a system command (mount, umount), bounded, and fails the test when it fails.</summary>
    private async Task Command(string name, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(name) { RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        await process.WaitForExitAsync(limit.Token);
        process.ExitCode.Should().Be(0, await process.StandardError.ReadToEndAsync(limit.Token));
    }

    /// <summary>The plan `batch` makes of <see cref="s_options"/>: same runs, same batch.json.</summary>
    private static ExperimentPlan Plan()
    {
        var document = ScenarioDocument.LoadFile(Canola);
        var errors = new List<InputError>();
        var axis = ExperimentOptions.ReadVary("countries.CAN.strategy.e=0.5,1.5", errors)!;
        errors.Should().BeEmpty();
        return ExperimentPlan.Create(new Experiment(Canola, [axis], [], 3, null), document, document.Seed);
    }

    private static RunColumns Columns(ExperimentPlan plan) => new([.. plan.Experiment.Vary.Select(a => a.Path)]);

    private static List<string> SortedLines(string dir, string file) =>
        [.. File.ReadAllLines(Path.Combine(dir, file)).Order(StringComparer.Ordinal)];

    /// <summary>
    /// A file system with room for <paramref name="capacity"/> bytes in all: a write that does not
    /// fit writes the part that does and fails as write(2) does with ENOSPC; cutting a file frees room.
    /// </summary>
    private sealed class SmallDisk(long capacity)
    {
        private readonly long _capacity = capacity;
        private long _used;

        public bool Refused { get; private set; }

        public Stream Open(string path, FileMode mode)
        {
            var file = BatchCsvFile.Disk(path, mode);
            _used += file.Length;
            return new Quota(this, file);
        }

        private sealed class Quota(SmallDisk disk, Stream file) : Stream
        {
            public override bool CanRead => false;

            public override bool CanSeek => true;

            public override bool CanWrite => true;

            public override long Length => file.Length;

            public override long Position { get => file.Position; set => file.Position = value; }

            public override void Write(byte[] buffer, int offset, int count)
            {
                var fits = (int)Math.Min(count, Math.Max(0, disk._capacity - disk._used));
                file.Write(buffer, offset, fits);
                disk._used += fits;
                if (fits < count)
                {
                    disk.Refused = true;
                    throw new IOException("No space left on device");
                }
            }

            public override void SetLength(long value)
            {
                disk._used += value - file.Length;
                file.SetLength(value);
            }

            public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

            public override void Flush() => file.Flush();

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    file.Dispose();
                }

                base.Dispose(disposing);
            }
        }
    }

    /// <summary>The real engine, except that one run fails every time it is played, as a run with no market equilibrium does.</summary>
    private sealed class FailingRun(IRunHost host, string runId) : IRunHost
    {
        public const string Error = "gsim found no equilibrium in sector canola_seed";

        private int _attempts;

        public int Attempts => _attempts;

        public string Engine => host.Engine;

        public bool EmbeddedSilo => host.EmbeddedSilo;

        public Task<IReadOnlyList<string>> WhereToWatchAsync(RunOrder order, CancellationToken cancellation) => host.WhereToWatchAsync(order, cancellation);

        public Task<RunOutcome> PlayAsync(RunOrder order, Action<RunProgressUpdate, bool>? watch, Action<RunEvent>? events, CancellationToken cancellation)
        {
            if (order.RunId == runId)
            {
                Interlocked.Increment(ref _attempts);
                throw new RunFailedException(order.RunId, Error);
            }

            return host.PlayAsync(order, watch, events, cancellation);
        }

        public Task ReleaseAsync(string runId, CancellationToken cancellation) => host.ReleaseAsync(runId, cancellation);

        public Task<int> DefaultParallelAsync(CancellationToken cancellation) => host.DefaultParallelAsync(cancellation);

        public ValueTask DisposeAsync() => host.DisposeAsync();
    }
}
