using System.Text;
using System.Text.Json;
using Simulation.Model.Reporting;
using Simulation.Model.Runs;
using Simulation.Model.Runs.Journal;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Model.Tests.Runs.Journal;

/// <summary>
/// A run interrupted at any moment resumes from its journal to the outcome and the journal of the
/// same run left alone, byte for byte (DESIGN §2 "Run events and the journal"). The reference is the
/// uninterrupted run's own journal and outcome; the cuts are every round boundary, a line torn in the
/// middle after it, and whole lines of a round not completed. Three scenarios with events: us-canada.yaml
/// (a termination ends the talks in round 12), the tests' events.yaml (every event type, 12 rounds)
/// and reactions.yaml (conditions on the world's tariff and exports, whose events name what held).
/// </summary>
public sealed class JournalResumeTests
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var row in ScenariosAndRounds())
        {
            data.Add((string)row[0]);
        }

        return data;
    }

    /// <summary>Each scenario and the rounds it plays: 12 for the first two; 8 for reactions.yaml, whose last table opens at round 8 for one round.</summary>
    public static TheoryData<string, int> ScenariosAndRounds() =>
        new() { { RepositoryPaths.Scenario("us-canada.yaml"), 12 }, { RepositoryPaths.TestScenario("events.yaml"), 12 }, { RepositoryPaths.TestScenario("reactions.yaml"), 8 } };

    [Theory]
    [MemberData(nameof(ScenariosAndRounds))]
    public async Task A_run_cut_at_every_round_and_inside_every_line_after_it_resumes_to_the_same_journal_and_outcome(string path, int roundsPlayed)
    {
        var (scenario, started) = Load(path);
        var (journal, outcome) = await PlayWholeAsync(scenario, started);
        var lines = Lines(journal);
        var rounds = lines.Select((line, i) => (line, i)).Where(l => l.line.Contains("\"type\":\"round_completed\"", StringComparison.Ordinal)).Select(l => l.i).ToList();
        rounds.Should().HaveCount(roundsPlayed);

        // Boundaries: after the start line (nothing completed) and after each round, the last too
        // (what follows it, the ends of tables that never opened and the run's end, is still to come).
        var boundaries = new List<int> { 0 };
        boundaries.AddRange(rounds);
        foreach (var (boundary, completed) in boundaries.Select((b, k) => (b, k)))
        {
            var kept = Offset(journal, boundary + 1);
            var next = journal.AsSpan(kept).IndexOf((byte)'\n') + kept + 1;
            // Cut exactly at the boundary, inside the next line (torn), and after the next line whole
            // (a round not completed), unless that line is the run's end (a finished run's journal) or
            // the round's end (a round where nothing happened: that cut is the next boundary).
            var cuts = lines[boundary + 1].StartsWith("{\"type\":\"run_ended\"", StringComparison.Ordinal)
                || lines[boundary + 1].StartsWith("{\"type\":\"round_completed\"", StringComparison.Ordinal)
                ? new[] { kept, kept + (next - kept) / 2 }
                : [kept, kept + (next - kept) / 2, next];
            foreach (var cut in cuts)
            {
                var interrupted = journal[..cut];
                var read = RunJournalReader.Read(new MemoryStream(interrupted));
                read.RoundsCompleted.Should().Be(completed, "cut at byte {0}", cut);
                read.Bytes.Should().Be(kept);
                (read.LinesDropped, read.TornLine).Should().Be((cut == next ? 1 : 0, cut > kept && cut < next));

                var (resumedJournal, resumedOutcome) = await ResumeAsync(scenario, started, interrupted, read);
                Encoding.UTF8.GetString(resumedJournal).Should().Be(Encoding.UTF8.GetString(journal), "the journal resumed after round {0} (cut at byte {1})", completed, cut);
                resumedOutcome.Should().Be(outcome, "the outcome resumed after round {0}", completed);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task The_outcome_folded_from_the_journal_read_back_is_the_outcome_of_the_run(string path)
    {
        var (scenario, started) = Load(path);
        var (journal, outcome) = await PlayWholeAsync(scenario, started);

        var events = Lines(journal).Select(line => JsonSerializer.Deserialize<RunEvent>(line, RunOutcomeJson.Complete)!).ToList();

        RunOutcomeJson.Serialize(RunOutcomes.Assemble(scenario, events, "scenario.yaml")).Should().Be(outcome);
        // Every line read back and written again is the same line: doubles round-trip exactly.
        events.Select(RunJournal.Line).Should().Equal(Lines(journal));
    }

    internal static (Scenario Scenario, RunStarted Started) Load(string path)
    {
        var text = File.ReadAllText(path);
        var scenario = ScenarioLoader.Parse(text, Path.GetFileName(path));
        return (scenario, RunStarted.For(scenario, text, scenario.Seed));
    }

    internal static async Task<(byte[] Journal, string Outcome)> PlayWholeAsync(Scenario scenario, RunStarted started)
    {
        var stream = new MemoryStream();
        var events = new List<RunEvent>();
        var writer = new RunJournalWriter(() => stream);
        await InProcessRun.PlayAsync(scenario, started, e =>
        {
            events.Add(e);
            writer.Write(e);
        });
        return (stream.ToArray(), RunOutcomeJson.Serialize(RunOutcomes.Assemble(scenario, events, "scenario.yaml")));
    }

    private static async Task<(byte[] Journal, string Outcome)> ResumeAsync(Scenario scenario, RunStarted started, byte[] interrupted, InterruptedRun read)
    {
        JournalReplay.CheckBelongsTo(read, started);
        var stream = new MemoryStream();
        stream.Write(interrupted);
        var replay = new JournalReplay(read, () =>
        {
            stream.SetLength(read.Bytes);
            stream.Seek(0, SeekOrigin.End);
            return new RunJournalWriter(() => stream).Write;
        });
        var events = new List<RunEvent>();
        var run = new InProcessRun(scenario, started.Seed);
        await new RunEngine(scenario, run, run) { ReplayedRounds = read.RoundsCompleted }.RunAsync(started, e =>
        {
            events.Add(e);
            replay.Tell(e);
        });
        return (stream.ToArray(), RunOutcomeJson.Serialize(RunOutcomes.Assemble(scenario, events, "scenario.yaml")));
    }

    internal static List<string> Lines(byte[] journal) =>
        [.. Encoding.UTF8.GetString(journal).Split('\n').SkipLast(1)];

    /// <summary>The byte offset at which line <paramref name="count"/> + 1 starts.</summary>
    internal static int Offset(byte[] journal, int count)
    {
        var offset = 0;
        for (var i = 0; i < count; i++)
        {
            offset = Array.IndexOf(journal, (byte)'\n', offset) + 1;
        }

        return offset;
    }
}
