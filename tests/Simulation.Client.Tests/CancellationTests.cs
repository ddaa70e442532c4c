namespace Simulation.Client.Tests;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM during a run stop it: exit 1, "cancelled" on stderr, no outcome
/// written and an existing output file left as it was, no temporary file left.
/// </summary>
public sealed class CancellationTests : IDisposable
{
    private static readonly string Stalemate = StalemateScenario.Text();

    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-cancel-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signal_during_a_run_stops_it_with_exit_1_and_writes_nothing(string signal)
    {
        var scenario = Path.Combine(scratch, "stalemate.yaml");
        File.WriteAllText(scenario, Stalemate);
        var output = Path.Combine(scratch, "outcome.json");

        using var run = TradeSimProcess.Start(["run", scenario, "--out", output]);
        await run.WaitForStderrLineAsync(line => line.Contains("Stalemate", StringComparison.Ordinal));
        await run.SignalGroupAsync(signal);
        var result = await run.WaitForExitAsync();

        result.ExitCode.Should().Be(1, result.Stderr);
        result.Stderr.Should().Contain("cancelled");
        result.Stdout.Should().BeEmpty("no outcome is printed for a run that did not finish");
        CommandLineAssertions.NoStackTrace(result);
        CommandLineAssertions.HoldsOnly(scratch, "stalemate.yaml");
    }

    [Fact]
    public async Task A_cancelled_run_leaves_an_existing_output_file_as_it_was()
    {
        var scenario = Path.Combine(scratch, "stalemate.yaml");
        File.WriteAllText(scenario, Stalemate);
        var output = Path.Combine(scratch, "outcome.json");
        File.WriteAllText(output, "the previous outcome");

        using var run = TradeSimProcess.Start(["run", scenario, "--out", output]);
        await run.WaitForStderrLineAsync(line => line.Contains("Stalemate", StringComparison.Ordinal));
        await run.SignalGroupAsync("INT");
        var result = await run.WaitForExitAsync();

        result.ExitCode.Should().Be(1, result.Stderr);
        File.ReadAllText(output).Should().Be("the previous outcome");
        CommandLineAssertions.HoldsOnly(scratch, "stalemate.yaml", "outcome.json");
    }
}
