using System.Text;
using Simulation.Model.Negotiation;
using Simulation.Model.Runs.Journal;

namespace Simulation.Model.Tests.Runs.Journal;

/// <summary>
/// The journal writer (docs/run-journal.md, "Writing"): no file before the run's first event, one
/// line per event, and a flush after every completed round and the run's end, not after other events.
/// </summary>
public sealed class RunJournalWriterTests
{
    [Fact]
    public void A_run_that_never_starts_opens_no_journal()
    {
        var opened = 0;

        using (new RunJournalWriter(() =>
        {
            opened++;
            return new MemoryStream();
        }))
        {
        }

        opened.Should().Be(0);
    }

    [Fact]
    public void Lines_are_flushed_after_a_round_completed_and_the_run_ended_only()
    {
        var stream = new FlushCountingStream();
        using var writer = new RunJournalWriter(() => stream);
        var flushes = new List<int>();

        foreach (var e in new RunEvent[]
        {
            new RunStarted("S", "ab", 1),
            new TurnTaken(1, "AB", 1, 1, "AAA", MoveKind.WalkAway, null, null, null),
            new RoundCompleted(1, 1, 1),
            new RunEnded(1),
        })
        {
            writer.Write(e);
            flushes.Add(stream.Flushes);
        }

        flushes.Should().Equal(0, 0, 1, 2);
        Encoding.UTF8.GetString(stream.ToArray()).Should().Be(
            "{\"type\":\"run_started\",\"scenario\":\"S\",\"sha256\":\"ab\",\"seed\":1}\n" +
            "{\"type\":\"turn_taken\",\"round\":1,\"negotiation\":\"AB\",\"negotiation_round\":1,\"turn\":1,\"party\":\"AAA\",\"move\":\"walk_away\"}\n" +
            "{\"type\":\"round_completed\",\"round\":1,\"active_negotiations\":1,\"horizon\":1}\n" +
            "{\"type\":\"run_ended\",\"rounds_played\":1}\n");
    }

    private sealed class FlushCountingStream : MemoryStream
    {
        public int Flushes { get; private set; }

        public override void Flush()
        {
            Flushes++;
            base.Flush();
        }
    }
}
