using System.Diagnostics;

namespace Simulation.Client.Tests;

/// <summary>
/// A silo killed under <c>batch --engine grains --gateway</c> (issue 16, D2). A lost silo is no
/// run's result: the batch notices it (the run watch's liveness check, and every call bounded),
/// stops with exit 1 and a message naming the gateway, writes no failed row, and a
/// <c>--resume</c> against the silo started again plays the runs it lacks. The finished batch is
/// compared with the same batch played by the in-process engine, which shares no code with the
/// silo's runs but the model.
/// </summary>
public sealed class BatchSiloLossTests : IDisposable
{
    /// <summary>
    /// The longest a batch may take to stop once its silo is killed: the liveness check comes after
    /// 3 s of quiet and waits 10 s for an answer, and a client whose silo is gone stops within 2 s;
    /// the rest is margin for a machine busy with other work. A batch that hangs is far past it.
    /// </summary>
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(60);

    private const int Runs = 40;

    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-batch-silo-loss-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task A_silo_killed_mid_batch_stops_it_with_exit_1_no_failed_rows_and_resume_finishes_it()
    {
        // 40 replicates of a stalemate of 400 rounds: every run plays to its deadline, a few at a time.
        var scenario = StalemateScenario.Write(scratch, rounds: 400);
        var results = Path.Combine(scratch, "results");
        var runsCsv = Path.Combine(results, "runs.csv");
        string[] batch = ["batch", scenario, "--runs", $"{Runs}", "--parallel", "2", "--engine", "grains", "--out", results];

        TradeSimProcess.Result stopped;
        var silo = await SiloProcess.StartAsync();
        var gateway = $"127.0.0.1:{silo.GatewayPort}";
        var clock = new Stopwatch();
        using (var cli = TradeSimProcess.Start([.. batch, "--gateway", gateway], ownProcessGroup: false))
        {
            try
            {
                // Some runs finished, the others not: then the silo dies.
                await WaitForRowsAsync(runsCsv, cli, atLeast: 2 * 2);
            }
            finally
            {
                await silo.DisposeAsync();
                clock.Start();
            }

            stopped = await cli.WaitForExitAsync();
            clock.Stop();
        }

        stopped.ExitCode.Should().Be(1, stopped.Stderr);
        clock.Elapsed.Should().BeLessThan(StopBound, "the batch notices the lost silo and stops; it does not wait for it");
        var error = stopped.Stderr.Split('\n').Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).Should().ContainSingle().Subject;
        error.Should().StartWith($"error: lost the TradeSim silo at {gateway}: run run-").And.Contain("--resume");
        CommandLineAssertions.NoStackTrace(stopped);
        var rowsBefore = Rows(runsCsv);
        rowsBefore.Should().NotContain(r => r[Column(runsCsv, "status")] == "failed", "a lost silo is not a result of the run");
        var finished = rowsBefore.Select(r => r[0]).Distinct().Count();
        finished.Should().BeLessThan(Runs, "the silo was killed before the batch could finish");
        rowsBefore.Should().HaveCount(2 * finished, "every finished run has its two parties' rows, and no other run has any");

        // The silo comes back (on ports of its own) and the batch is resumed there.
        await using (var again = await SiloProcess.StartAsync())
        {
            var resumed = await TradeSimProcess.RunAsync([.. batch, "--gateway", $"127.0.0.1:{again.GatewayPort}", "--resume"]);
            resumed.ExitCode.Should().Be(0, resumed.Stderr);
            resumed.Stderr.Should().Contain($"{finished} already there, resumed");
        }

        // The same batch on the in-process engine: every run, every row.
        var local = Path.Combine(scratch, "local");
        var reference = await TradeSimProcess.RunAsync(["batch", scenario, "--runs", $"{Runs}", "--engine", "local", "--out", local]);
        reference.ExitCode.Should().Be(0, reference.Stderr);
        var rows = Rows(runsCsv);
        rows.Should().HaveCount(2 * Runs).And.NotContain(r => r[Column(runsCsv, "status")] == "failed");
        rows.Select(r => string.Join("\u001f", r)).Order(StringComparer.Ordinal).Should().Equal(
            Rows(Path.Combine(local, "runs.csv")).Select(r => string.Join("\u001f", r)).Order(StringComparer.Ordinal));
        File.ReadAllText(Path.Combine(results, "summary.json")).Should().Be(File.ReadAllText(Path.Combine(local, "summary.json")));
    }

    /// <summary>Waits until runs.csv holds <paramref name="atLeast"/> rows; fails if the batch ends first.</summary>
    private static async Task WaitForRowsAsync(string runsCsv, TradeSimProcess.Running cli, int atLeast)
    {
        using var hang = new CancellationTokenSource(TradeSimProcess.DefaultLimit);
        while (!File.Exists(runsCsv) || Rows(runsCsv).Count < atLeast)
        {
            if (cli.Stdout.Length > 0)
            {
                throw new InvalidOperationException($"The batch ended before the silo was killed:\n{cli.Stderr}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), hang.Token);
        }
    }

    /// <summary>The data rows of a CSV file, each a list of fields (RFC 4180); a line still being written is not a row yet.</summary>
    private static List<List<string>> Rows(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var complete = text[..(text.LastIndexOf('\n') + 1)];
        return [.. Rfc4180.Parse(complete).Skip(1).Where(r => r.Count > 1)];
    }

    private static int Column(string path, string name)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return Rfc4180.Parse(reader.ReadLine() + "\n")[0].IndexOf(name);
    }
}
