using System.Text;
using Simulation.Model.Runs;
using Simulation.Model.Runs.Journal;
using Simulation.Tests.Shared;

namespace Simulation.Model.Tests.Runs.Journal;

/// <summary>
/// A journal is read without trusting it (docs/run-journal.md): whatever is wrong is refused with
/// what and which line, before anything is played or written. The journals are the us-canada run's,
/// cut and edited by hand.
/// </summary>
public sealed class HostileJournalTests
{
    private static readonly string UsCanada = RepositoryPaths.Scenario("us-canada.yaml");

    [Fact]
    public void An_empty_file_is_not_a_journal()
    {
        var read = () => RunJournalReader.Read(new MemoryStream());

        read.Should().Throw<JournalException>().WithMessage("is not a run journal: its first line is not a run_started event");
    }

    [Fact]
    public async Task A_file_that_does_not_start_with_the_run_start_is_not_a_journal()
    {
        var lines = await LinesAsync();

        var read = () => Read(lines.Skip(1));

        read.Should().Throw<JournalException>().WithMessage("is not a run journal*").Which.Line.Should().Be(1);
    }

    [Fact]
    public async Task An_unknown_event_type_is_refused_with_its_line_and_the_types_a_journal_holds()
    {
        var lines = await LinesAsync();
        lines[2] = "{\"type\":\"tariff_war\",\"round\":1}";

        var read = () => Read(lines.Take(10));

        read.Should().Throw<JournalException>()
            .WithMessage("line 3: unknown event type 'tariff_war'; a journal holds run_started, negotiation_opened, turn_taken, *")
            .Which.Line.Should().Be(3);
    }

    [Theory]
    [InlineData("not json at all", "line 2 is not JSON*")]
    [InlineData("[1, 2]", "line 2 is not a run event: expected a JSON object with a \"type\"")]
    [InlineData("{\"round\": 1}", "line 2 is not a run event: expected a JSON object with a \"type\"")]
    [InlineData("{\"type\":\"round_completed\",\"round\":\"one\"}", "line 2 is not a well-formed round_completed event*")]
    public async Task A_whole_line_that_is_not_an_event_is_refused_with_its_number(string line, string message)
    {
        var lines = await LinesAsync();
        lines[1] = line;

        var read = () => Read(lines.Take(10));

        read.Should().Throw<JournalException>().WithMessage(message).Which.Line.Should().Be(2);
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_refused_before_it_is_read_whole()
    {
        var journal = new MemoryStream();
        journal.Write("{\"type\":\"run_started\",\"scenario\":\""u8);
        journal.Write(new byte[RunJournal.MaxLineBytes + 1].Select(_ => (byte)'x').ToArray());

        var read = () => RunJournalReader.Read(new MemoryStream(journal.ToArray()));

        read.Should().Throw<JournalException>().WithMessage($"line 1 is longer than the {RunJournal.MaxLineBytes} bytes a journal line may hold");
    }

    [Fact]
    public void A_file_larger_than_the_limit_is_refused_before_it_is_read()
    {
        var read = () => RunJournalReader.Read(new LongEmptyStream(RunJournal.MaxJournalBytes + 1));

        read.Should().Throw<JournalException>().WithMessage($"is {RunJournal.MaxJournalBytes + 1} bytes, more than the {RunJournal.MaxJournalBytes} a journal may hold");
    }

    [Fact]
    public async Task The_journal_of_a_finished_run_has_nothing_to_resume()
    {
        var lines = await LinesAsync();

        var read = () => Read(lines);

        read.Should().Throw<JournalException>().WithMessage($"is the journal of a finished run (12 rounds played, line {lines.Count}): there is nothing to resume");
    }

    [Fact]
    public async Task Another_scenario_text_or_another_seed_is_refused_before_anything_is_played()
    {
        var (scenario, started) = JournalResumeTests.Load(UsCanada);
        var lines = await LinesAsync();
        var read = Read(lines.Take(20));

        var otherText = () => JournalReplay.CheckBelongsTo(read, RunStarted.For(scenario, File.ReadAllText(UsCanada) + "\n", started.Seed));
        var otherSeed = () => JournalReplay.CheckBelongsTo(read, started with { Seed = started.Seed + 1 });

        otherText.Should().Throw<JournalException>().WithMessage($"is the journal of a run of scenario '{scenario.Name}' with SHA-256 {started.Sha256}, not of this scenario file (SHA-256 *)");
        otherSeed.Should().Throw<JournalException>().WithMessage($"is the journal of a run with seed {started.Seed}, not {started.Seed + 1}");
    }

    [Fact]
    public async Task A_journal_edited_in_a_completed_round_is_refused_at_the_first_line_the_run_does_not_make_and_left_as_it_was()
    {
        var (scenario, started) = JournalResumeTests.Load(UsCanada);
        var lines = await LinesAsync();
        var turn = lines.FindIndex(l => l.StartsWith("{\"type\":\"turn_taken\"", StringComparison.Ordinal));
        lines[turn] = lines[turn].Replace("\"party\":\"", "\"party\":\"X", StringComparison.Ordinal);
        var cut = lines.FindIndex(turn, l => l.StartsWith("{\"type\":\"round_completed\"", StringComparison.Ordinal)) + 1;
        var read = Read(lines.Take(cut));
        var opened = false;
        var replay = new JournalReplay(read, () =>
        {
            opened = true;
            return _ => { };
        });
        var run = new InProcessRun(scenario, started.Seed);

        var play = () => new RunEngine(scenario, run, run).RunAsync(started, replay.Tell);

        (await play.Should().ThrowAsync<JournalException>())
            .WithMessage($"line {turn + 1} is not what the run makes when played again from the scenario: the journal has *, the run *")
            .Which.Line.Should().Be(turn + 1);
        opened.Should().BeFalse("nothing is added to a journal that is not the run's");
    }

    private static async Task<List<string>> LinesAsync()
    {
        var (scenario, started) = JournalResumeTests.Load(UsCanada);
        var (journal, _) = await JournalResumeTests.PlayWholeAsync(scenario, started);
        return JournalResumeTests.Lines(journal);
    }

    private static InterruptedRun Read(IEnumerable<string> lines) =>
        RunJournalReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")))));

    /// <summary>A stream that says it is <paramref name="length"/> bytes long, without holding them.</summary>
    private sealed class LongEmptyStream(long length) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get; set; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => 0;

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
