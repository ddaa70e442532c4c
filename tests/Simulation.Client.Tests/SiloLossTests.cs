namespace Simulation.Client.Tests;

/// <summary>
/// A silo that dies while the CLI watches a run on it (issue 10): the CLI hears no more pushed
/// progress, notices with a liveness check on the run grain, and fails (exit 1, a one-line error
/// naming the gateway, no stack trace, nothing written) instead of waiting for ever. No test times
/// it: a CLI that waits for ever is killed by the test's process limit, and the test fails.
/// </summary>
public sealed class SiloLossTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-silo-loss-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_silo_killed_during_a_paced_run_fails_the_run_with_exit_1_and_a_message_naming_the_gateway(bool watch)
    {
        // A stalemate of 1000 rounds 0.3 s apart: still playing, minutes from its end, when the silo is killed.
        var scenario = StalemateScenario.Write(scratch, rounds: 1000);
        var output = Path.Combine(scratch, "outcome.json");
        var silo = await SiloProcess.StartAsync();
        var gateway = $"127.0.0.1:{silo.GatewayPort}";
        using var run = TradeSimProcess.Start(
            ["run", scenario, "--gateway", gateway, "--pace", "300ms", "--out", output, .. watch ? new[] { "--watch" } : []],
            ownProcessGroup: false);
        try
        {
            await run.WaitForStderrLineAsync(line => line.StartsWith("Stalemate: round 2 of ", StringComparison.Ordinal));
        }
        finally
        {
            await silo.DisposeAsync();
        }

        var result = await run.WaitForExitAsync();

        result.ExitCode.Should().Be(1, result.Stderr);
        var error = result.Stderr.Split('\n').Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).Should().ContainSingle().Subject;
        error.Should().StartWith($"error: lost the TradeSim silo at {gateway}: run run-");
        result.Stdout.Should().BeEmpty("no outcome is printed for a run that did not finish");
        CommandLineAssertions.NoStackTrace(result);
        CommandLineAssertions.HoldsOnly(scratch, "stalemate.yaml");
    }
}
