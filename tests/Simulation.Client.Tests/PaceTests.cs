namespace Simulation.Client.Tests;

/// <summary>
/// `run --pace DURATION` waits between rounds (DESIGN §5.4). No test times it: a paced run is shown
/// to report its rounds while it plays and to stop on Ctrl-C in the middle of a wait of an hour,
/// which it could only do promptly (else the test's process limit kills it and the test fails).
/// </summary>
public sealed class PaceTests : IDisposable
{
    private static readonly string Shipped = Path.Combine("scenarios", "canada-indonesia.yaml");

    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-pace-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Theory]
    [InlineData("grains", false)]
    [InlineData("local", false)]
    [InlineData("grains", true)]
    [InlineData("local", true)]
    public async Task Ctrl_c_in_the_wait_between_two_rounds_of_a_paced_run_stops_it_with_exit_1_and_writes_nothing(string engine, bool watch)
    {
        // Two rounds of a stalemate: after round 1 the run waits an hour before round 2.
        var scenario = StalemateScenario.Write(scratch, rounds: 2);
        var output = Path.Combine(scratch, "outcome.json");

        using var run = TradeSimProcess.Start(["run", scenario, "--engine", engine, "--pace", "3600s", "--out", output, .. watch ? new[] { "--watch" } : []]);
        // The progress line (or with --watch the block) for round 1 is printed only once round 1's
        // progress reached the CLI: pushed by the run grain, or reported by the in-process engine.
        await run.WaitForStderrLineAsync(line => line.Contains("Stalemate: round 1", StringComparison.Ordinal));
        await run.SignalGroupAsync("INT");
        var result = await run.WaitForExitAsync();

        result.ExitCode.Should().Be(1, result.Stderr);
        result.Stderr.Should().Contain("cancelled");
        result.Stdout.Should().BeEmpty("no outcome is printed for a run that did not finish");
        CommandLineAssertions.NoStackTrace(result);
        CommandLineAssertions.HoldsOnly(scratch, "stalemate.yaml");
    }

    [Theory]
    [InlineData("grains")]
    [InlineData("local")]
    public async Task A_paced_run_prints_the_same_outcome_as_an_unpaced_one(string engine)
    {
        var unpaced = await TradeSimProcess.RunAsync("run", Shipped, "--engine", engine, "--format", "table");
        var paced = await TradeSimProcess.RunAsync("run", Shipped, "--engine", engine, "--format", "table", "--pace", "1ms");

        paced.ExitCode.Should().Be(0, paced.Stderr);
        unpaced.ExitCode.Should().Be(0, unpaced.Stderr);
        paced.Stdout.Should().Be(unpaced.Stdout);
    }

    [Theory]
    [InlineData("grains")]
    [InlineData("local")]
    public async Task Off_a_terminal_a_paced_run_prints_one_progress_line_per_round_and_no_other(string engine)
    {
        // Five rounds of a stalemate, 0.1 s apart. Spectre's fallback for a progress bar off a terminal
        // printed lines at percentage milestones, and the same line again while a long pace waited;
        // the run's own lines come once a round, however long it waits.
        var scenario = StalemateScenario.Write(scratch, rounds: 5);

        var result = await TradeSimProcess.RunAsync("run", scenario, "--engine", engine, "--pace", "100ms", "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        var progress = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith("run ", StringComparison.Ordinal) && !l.StartsWith("grains: ", StringComparison.Ordinal));
        // One negotiation, active in every round: the fifth ends it at its deadline (`rounds: 5`).
        progress.Should().Equal(Enumerable.Range(1, 5).Select(r => $"Stalemate: round {r} of 5, 1 negotiating"));
    }

    [Theory]
    [InlineData("grains")]
    [InlineData("local")]
    public async Task Off_a_terminal_an_unpaced_long_run_prints_its_first_round_then_a_line_per_hundredth_of_its_horizon(string engine)
    {
        // 1000 rounds, none paced: round 1, then each time round × 100 / 1000 reaches a new whole
        // number, i.e. rounds 10, 20, … 1000: 101 lines rather than 1000.
        var scenario = StalemateScenario.Write(scratch, rounds: 1000);

        var result = await TradeSimProcess.RunAsync("run", scenario, "--engine", engine, "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        var progress = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith("run ", StringComparison.Ordinal) && !l.StartsWith("grains: ", StringComparison.Ordinal));
        progress.Should().Equal(new[] { 1 }.Concat(Enumerable.Range(1, 100).Select(k => 10 * k)).Select(r => $"Stalemate: round {r} of 1000, 1 negotiating"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("-1s")]
    [InlineData("300 ms")]
    [InlineData("5h")]
    [InlineData("3601s")]
    [InlineData("1e3")]
    public async Task A_pace_that_is_not_a_duration_up_to_an_hour_is_an_error_that_names_the_option(string pace)
    {
        var result = await TradeSimProcess.RunAsync("run", Shipped, "--pace", pace);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"--pace '{pace}': expected a duration from 0 to 1 hour");
        result.Stdout.Should().BeEmpty();
        CommandLineAssertions.NoStackTrace(result);
    }
}
