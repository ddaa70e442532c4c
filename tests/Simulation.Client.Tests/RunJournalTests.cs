using System.Text.RegularExpressions;

namespace Simulation.Client.Tests;

/// <summary>
/// <c>run --events</c> and <c>run --resume-from</c> through the command a user types
/// (docs/run-journal.md): a paced run killed outright (SIGKILL to its process group, no chance to
/// clean up) at two different rounds resumes from its journal to the outcome file and the journal of
/// the run left alone, byte for byte, timings apart; and a journal that is not the run's is refused
/// with exit 2, the journal left as it was and nothing else written.
/// </summary>
public sealed partial class RunJournalTests : IDisposable
{
    private static readonly string UsCanada = RepositoryPaths.Scenario("us-canada.yaml");

    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-journal-").FullName;

    [GeneratedRegex("\"timings\": \\{[^}]*\\}")]
    private static partial Regex Timings();

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    /// <summary>
    /// Killed at a round and resumed: on the local engine, and on grains, where the embedded silo
    /// dies with the process (the run's silo is gone) and a new one plays the run again to the cut,
    /// checked against the journal, then on. The resumed engine may differ from the one killed.
    /// </summary>
    [Theory]
    [InlineData(2, "local", "local")]
    [InlineData(7, "local", "local")]
    [InlineData(4, "grains", "grains")]
    [InlineData(5, "grains", "local")]
    public async Task A_run_killed_after_a_round_resumes_to_the_journal_and_outcome_of_the_run_left_alone(int round, string killedEngine, string resumingEngine)
    {
        var (fullJournal, fullOutcome) = (Path.Combine(scratch, "full.jsonl"), Path.Combine(scratch, "full.json"));
        var whole = await TradeSimProcess.RunAsync("run", UsCanada, "--engine", "local", "--events", fullJournal, "--out", fullOutcome);
        whole.ExitCode.Should().Be(0, whole.Stderr);

        var (journal, outcome) = (Path.Combine(scratch, "cut.jsonl"), Path.Combine(scratch, "cut.json"));
        using (var run = TradeSimProcess.Start(["run", UsCanada, "--engine", killedEngine, "--pace", "500ms", "--events", journal, "--out", outcome]))
        {
            await run.WaitForStderrLineAsync(line => line.Contains($": round {round} of ", StringComparison.Ordinal));
            await run.SignalGroupAsync("KILL");
            var killed = await run.WaitForExitAsync();
            killed.ExitCode.Should().NotBe(0);
        }

        File.Exists(outcome).Should().BeFalse("a killed run writes no outcome");
        var kept = File.ReadAllLines(journal).Count(l => l.StartsWith("{\"type\":\"round_completed\"", StringComparison.Ordinal));
        kept.Should().BeInRange(round, 11, "the journal holds every round shown, and the run (12 rounds) was not finished");

        var resumed = await TradeSimProcess.RunAsync("run", UsCanada, "--engine", resumingEngine, "--resume-from", journal, "--out", outcome);

        resumed.ExitCode.Should().Be(0, resumed.Stderr);
        resumed.Stderr.Should().Contain($"resuming from '{journal}' after round {kept}");
        File.ReadAllText(journal).Should().Be(File.ReadAllText(fullJournal));
        Timings().Replace(File.ReadAllText(outcome), "").Should().Be(Timings().Replace(File.ReadAllText(fullOutcome), ""));
        File.ReadAllText(outcome).Should().Contain("\"negotiations\"");
    }

    [Fact]
    public async Task A_half_written_round_and_a_torn_line_are_dropped_and_the_command_says_so()
    {
        var full = await JournalAsync("full.jsonl");
        var lines = File.ReadAllLines(full);
        var third = Array.FindIndex(lines, l => l.Contains("\"type\":\"round_completed\",\"round\":3,", StringComparison.Ordinal));
        var journal = Path.Combine(scratch, "cut.jsonl");
        // Round 3 completed, then the first line of round 4 whole and half of its second.
        File.WriteAllText(journal, string.Concat(lines.Take(third + 2).Select(l => l + "\n")) + lines[third + 2][..20]);

        var resumed = await TradeSimProcess.RunAsync("run", UsCanada, "--engine", "local", "--resume-from", journal);

        resumed.ExitCode.Should().Be(0, resumed.Stderr);
        resumed.Stderr.Should().Contain($"resuming from '{journal}' after round 3; dropped 1 line of round 4, which was not completed and a last line cut short");
        File.ReadAllText(journal).Should().Be(File.ReadAllText(full));
    }

    [Fact]
    public async Task The_journal_of_a_finished_run_is_refused_with_exit_2()
    {
        var journal = await JournalAsync("full.jsonl");

        await RefusedAsync(journal, ["--engine", "local"], "is the journal of a finished run (12 rounds played, line *): there is nothing to resume");
    }

    [Fact]
    public async Task A_journal_of_another_seed_or_another_scenario_is_refused_with_exit_2()
    {
        var journal = await CutAsync(rounds: 4);

        await RefusedAsync(journal, ["--engine", "local", "--seed", "7"], "is the journal of a run with seed 2025, not 7");
        await RefusedAsync(journal, ["--engine", "local"], "is the journal of a run of scenario 'US–Canada tariffs*' with SHA-256 *, not of this scenario file (SHA-256 *)",
            RepositoryPaths.Scenario("canada-china.yaml"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_journal_is_refused_with_exit_2_naming_the_line()
    {
        var journal = Path.Combine(scratch, "notes.jsonl");
        File.WriteAllText(journal, "{\"type\":\"run_started\",\"scenario\":\"x\",\"sha256\":\"y\",\"seed\":1}\n{\"type\":\"tariff_war\"}\n");

        await RefusedAsync(journal, ["--engine", "local"], "line 2: unknown event type 'tariff_war'; a journal holds run_started, *");
    }

    [Fact]
    public async Task A_journal_that_the_scenario_no_longer_plays_is_refused_at_its_first_differing_line_and_left_as_it_was()
    {
        var journal = await CutAsync(rounds: 4);
        var lines = File.ReadAllLines(journal);
        var turn = Array.FindIndex(lines, l => l.StartsWith("{\"type\":\"turn_taken\"", StringComparison.Ordinal));
        lines[turn] = lines[turn].Replace("\"turn\":1,", "\"turn\":9,", StringComparison.Ordinal);
        File.WriteAllText(journal, string.Concat(lines.Select(l => l + "\n")));

        await RefusedAsync(journal, ["--engine", "local"], $"line {turn + 1} is not what the run makes when played again from the scenario: *");
    }

    [Fact]
    public async Task An_existing_file_is_never_overwritten_by_a_journal()
    {
        var journal = Path.Combine(scratch, "events.jsonl");
        File.WriteAllText(journal, "a user's file");

        var result = await TradeSimProcess.RunAsync("run", UsCanada, "--engine", "local", "--events", journal);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"--events '{journal}': exists; a journal is never overwritten");
        File.ReadAllText(journal).Should().Be("a user's file");
        CommandLineAssertions.NoStackTrace(result);
    }

    private async Task<string> JournalAsync(string name)
    {
        var journal = Path.Combine(scratch, name);
        var result = await TradeSimProcess.RunAsync("run", UsCanada, "--engine", "local", "--events", journal);
        result.ExitCode.Should().Be(0, result.Stderr);
        return journal;
    }

    /// <summary>The us-canada journal up to the end of round <paramref name="rounds"/>, as a run interrupted there leaves it.</summary>
    private async Task<string> CutAsync(int rounds)
    {
        var full = await JournalAsync("full.jsonl");
        var lines = File.ReadAllLines(full);
        var end = Array.FindIndex(lines, l => l.Contains($"\"type\":\"round_completed\",\"round\":{rounds},", StringComparison.Ordinal));
        var journal = Path.Combine(scratch, "cut.jsonl");
        File.WriteAllText(journal, string.Concat(lines.Take(end + 1).Select(l => l + "\n")));
        return journal;
    }

    /// <summary>Resuming from <paramref name="journal"/> fails with exit 2 and <paramref name="message"/>, and writes nothing.</summary>
    private async Task RefusedAsync(string journal, string[] options, string message, string? scenario = null)
    {
        var before = File.ReadAllBytes(journal);
        var outcome = Path.Combine(scratch, "outcome.json");

        var result = await TradeSimProcess.RunAsync(["run", scenario ?? UsCanada, "--resume-from", journal, "--out", outcome, .. options]);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Match($"*error: --resume-from '{journal}': {message}*");
        CommandLineAssertions.NoStackTrace(result);
        File.ReadAllBytes(journal).Should().Equal(before, "a journal that cannot be resumed is left as it was");
        File.Exists(outcome).Should().BeFalse();
    }
}
