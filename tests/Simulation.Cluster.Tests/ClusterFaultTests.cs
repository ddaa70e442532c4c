namespace Simulation.Cluster.Tests;

/// <summary>
/// A batch through a cluster of three silo processes while machines fail (DESIGN §5.3, §8): a silo
/// killed outright, the CLI killed, Redis restarted. The reference for every batch is the same
/// command without --cluster, played on the embedded silo (<see cref="EmbeddedBatch"/>): every run
/// completes exactly once, with the embedded batch's rows.
/// </summary>
[Collection(nameof(ClusterCollection))]
public sealed class ClusterFaultTests(ThreeSilos cluster, EmbeddedBatch embedded)
{
    /// <summary>A guard against a hang, not a speed check.</summary>
    private static readonly TimeSpan BatchLimit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_batch_through_three_silos_gives_the_embedded_rows_though_one_silo_is_killed_mid_batch()
    {
        await cluster.ReadyAsync();
        var output = embedded.NewOutput("silo-killed");
        using var batch = TradeSimProcess.Start([.. EmbeddedBatch.Command, "--cluster", cluster.ClusterAddress, "--out", output]);

        await WaitForRowsAsync(batch, output, EmbeddedBatch.Runs / 2);
        await cluster.Silos[1].SignalAsync("KILL");

        var result = await batch.WaitForExitAsync(BatchLimit);
        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stderr.Should().Contain($"{EmbeddedBatch.Runs} runs").And.Contain("0 failed");
        embedded.ShouldMatch(output, "every run completes once, as on the embedded silo");
    }

    [Fact]
    public async Task A_cli_killed_mid_batch_and_resumed_against_the_cluster_completes_with_the_embedded_rows()
    {
        await cluster.ReadyAsync();
        var output = embedded.NewOutput("cli-killed");
        using (var batch = TradeSimProcess.Start([.. EmbeddedBatch.Command, "--cluster", cluster.ClusterAddress, "--out", output]))
        {
            await WaitForRowsAsync(batch, output, EmbeddedBatch.Runs / 2);
            await batch.SignalGroupAsync("KILL");
            await batch.WaitForExitAsync(TimeSpan.FromMinutes(1));
        }

        EmbeddedBatch.RowsSoFar(output).Should().BeLessThan(2 * EmbeddedBatch.Runs, "the batch was killed before its end");
        var resumed = await TradeSimProcess.RunAsync([.. EmbeddedBatch.Command, "--cluster", cluster.ClusterAddress, "--out", output, "--resume"], environment: null, BatchLimit);

        resumed.ExitCode.Should().Be(0, resumed.Stderr);
        embedded.ShouldMatch(output);
    }

    [Fact]
    public async Task A_silo_restarted_while_a_batch_goes_rejoins_the_cluster_and_takes_new_runs()
    {
        await cluster.ReadyAsync();
        var output = embedded.NewOutput("silo-restarted");
        using var batch = TradeSimProcess.Start([.. EmbeddedBatch.Command, "--cluster", cluster.ClusterAddress, "--out", output]);

        // One silo leaves cleanly (as Ctrl-C stops it) and is started again, on new ports, mid-batch.
        await WaitForRowsAsync(batch, output, 20);
        await cluster.Silos[2].SignalAsync("TERM");
        var restarted = await cluster.StartSiloAsync();
        await cluster.ReplaceAsync(2, restarted);

        var result = await batch.WaitForExitAsync(BatchLimit);
        result.ExitCode.Should().Be(0, result.Stderr);
        embedded.ShouldMatch(output);

        // New runs (another strategy value, so other run ids): 30 of them over three silos, placed
        // by Orleans; the silo's log names each run it starts.
        var more = await TradeSimProcess.RunAsync(
            ["batch", EmbeddedBatch.Command[1], "--vary", "countries.CAN.strategy.e=0.75", "--runs", "30", "--engine", "grains", "--cluster", cluster.ClusterAddress, "--out", embedded.NewOutput("after-restart")],
            environment: null, BatchLimit);
        more.ExitCode.Should().Be(0, more.Stderr);
        restarted.Output.Should().Contain("run-", "the restarted silo took some of the new runs");
    }

    [Fact]
    public async Task A_batch_whose_redis_restarts_completes_or_stops_with_a_message_and_resume_completes_it()
    {
        await cluster.ReadyAsync();
        var output = embedded.NewOutput("redis-restarted");
        using (var batch = TradeSimProcess.Start([.. EmbeddedBatch.Command, "--cluster", cluster.ClusterAddress, "--out", output]))
        {
            await WaitForRowsAsync(batch, output, EmbeddedBatch.Runs / 3);
            await cluster.Redis.RestartAsync();
            cluster.SilosNeedRestart();

            var result = await batch.WaitForExitAsync(BatchLimit);
            if (result.ExitCode != 0)
            {
                result.ExitCode.Should().Be(1, result.Stderr);
                result.Stderr.Should().NotContain("   at ", "a failure is told in a message, not a stack trace");
                var rows = EmbeddedBatch.Read(output).Rows;
                rows.Should().OnlyHaveUniqueItems("no run is written twice").And.BeSubsetOf(embedded.Rows, "a batch that stopped wrote no wrong row");
            }
        }

        // Redis came back empty (no persistence), without the silos' entries in the membership:
        // as docs/cluster.md says, the silos are started again, and the batch resumed.
        await cluster.RestartSilosAsync();
        var resumed = await TradeSimProcess.RunAsync([.. EmbeddedBatch.Command, "--cluster", cluster.ClusterAddress, "--out", output, "--resume"], environment: null, BatchLimit);
        resumed.ExitCode.Should().Be(0, resumed.Stderr);
        embedded.ShouldMatch(output);
    }

    /// <summary>Waits until the batch wrote <paramref name="rows"/> rows (so it is mid-batch), failing if it ends first.</summary>
    private static async Task WaitForRowsAsync(TradeSimProcess.Running batch, string output, int rows)
    {
        using var limit = new CancellationTokenSource(BatchLimit);
        while (EmbeddedBatch.RowsSoFar(output) < rows)
        {
            batch.HasExited.Should().BeFalse($"the batch is still going before {rows} rows; stderr:\n{batch.Stderr}");
            await Task.Delay(TimeSpan.FromMilliseconds(100), limit.Token);
        }
    }
}
