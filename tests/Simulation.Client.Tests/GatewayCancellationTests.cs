using Simulation.Client.Cluster;
using Simulation.Grains.Abstractions.Runs;

namespace Simulation.Client.Tests;

/// <summary>
/// Ctrl-C on <c>run --gateway</c>, on the built CLI in a process group of its own, as a shell
/// runs a job (issue 16, untested behaviours). The first Ctrl-C stops the run on the silo too: the
/// run grain is told to stop, and the runs directory then lists the run as cancelled, not playing
/// on. A second Ctrl-C, while the first is still stopping, ends the process at once by the
/// signal's default action: exit status 128 + SIGINT (2) = 130, the shell's convention, where a
/// completed stop exits with 1.
/// </summary>
public sealed class GatewayCancellationTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-gateway-cancel-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task Ctrl_C_on_run_gateway_cancels_the_run_grain_and_the_run_does_not_play_on()
    {
        // A stalemate of 1000 rounds 0.3 s apart: minutes from its end when Ctrl-C comes.
        var scenario = StalemateScenario.Write(scratch, rounds: 1000);
        await using var silo = await SiloProcess.StartAsync();
        var gateway = $"127.0.0.1:{silo.GatewayPort}";
        using var run = TradeSimProcess.Start(["run", scenario, "--gateway", gateway, "--pace", "300ms"]);
        var runId = (await run.WaitForStderrLineAsync(line => line.StartsWith("run run-", StringComparison.Ordinal))).Split(' ')[1];
        await run.WaitForStderrLineAsync(line => line.StartsWith("Stalemate: round 2 of ", StringComparison.Ordinal));

        await run.SignalGroupAsync("INT");
        var result = await run.WaitForExitAsync();

        result.ExitCode.Should().Be(1, result.Stderr);
        result.Stderr.Should().Contain("stopping").And.Contain("cancelled");
        CommandLineAssertions.NoStackTrace(result);

        await using var cluster = await ClusterConnection.OpenAsync(gateway, cluster: null, TimeSpan.FromSeconds(30), CancellationToken.None);
        var directory = RunDirectory.Of(cluster.Client);
        // The run grain reports its end to the directory one-way, just after the CLI heard it.
        var listed = await ListedAsync(directory, runId, RunPhase.Cancelled);
        listed.Status.Round.Should().BeLessThan(1000);
        // Ten paces later it has played no further round: a run playing on would report each one.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var later = await directory.FindAsync(runId);
        later!.Run.Status.Should().Be(listed.Status);
    }

    [Fact]
    public async Task A_second_Ctrl_C_while_the_first_is_stopping_ends_the_process_at_once_with_status_130()
    {
        var scenario = StalemateScenario.Write(scratch, rounds: 1000);
        var output = Path.Combine(scratch, "outcome.json");
        File.WriteAllText(output, "the previous outcome");
        await using var silo = await SiloProcess.StartAsync();
        using var run = TradeSimProcess.Start(["run", scenario, "--gateway", $"127.0.0.1:{silo.GatewayPort}", "--pace", "300ms", "--out", output]);
        await run.WaitForStderrLineAsync(line => line.StartsWith("Stalemate: round 2 of ", StringComparison.Ordinal));

        // A frozen silo keeps the first Ctrl-C's stop waiting (it tells the run grain to stop, and
        // waits up to 5 s for the silo to hear it), so the second one surely comes while it waits.
        await silo.SignalAsync("STOP");
        try
        {
            await run.SignalGroupAsync("INT");
            await run.WaitForStderrLineAsync(line => line.StartsWith("stopping", StringComparison.Ordinal));
            await run.SignalGroupAsync("INT");
            var result = await run.WaitForExitAsync();

            result.ExitCode.Should().Be(130, "a second Ctrl-C ends the process by SIGINT's default action, where a finished stop exits with 1; stderr:\n{0}", result.Stderr);
            result.Stdout.Should().BeEmpty();
            File.ReadAllText(output).Should().Be("the previous outcome");
            CommandLineAssertions.HoldsOnly(scratch, "stalemate.yaml", "outcome.json");
        }
        finally
        {
            await silo.SignalAsync("CONT");
        }
    }

    /// <summary>The run as the directory lists it, once in <paramref name="phase"/> (within a minute).</summary>
    private static async Task<RunListing> ListedAsync(IRunDirectoryGrain directory, string runId, RunPhase phase)
    {
        using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            if (await directory.FindAsync(runId) is { Run.Status.Phase: var now } listed && now == phase)
            {
                return listed.Run;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), hang.Token);
        }
    }
}
