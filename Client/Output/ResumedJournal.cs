using Simulation.Model.Runs.Journal;

namespace Simulation.Client.Output;

/// <summary>
/// A journal being resumed (<see cref="JournalFile.Resume"/>): the resumed run's events are checked
/// against its lines (<see cref="JournalReplay"/>) and, past its last completed round, appended to it,
/// after what was dropped is cut off. Disposing closes it.
/// </summary>
public sealed class ResumedJournal : IDisposable
{
    private readonly string _path;
    private readonly InterruptedRun _journal;
    private readonly JournalReplay _replay;
    private readonly RunJournalWriter _writer;

    public ResumedJournal(string path, InterruptedRun journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        _path = path;
        _journal = journal;
        _writer = new RunJournalWriter(OpenEnd);
        _replay = new JournalReplay(journal, () => _writer.Write);
    }

    /// <summary>The rounds the journal holds, which the run plays again without the pace's wait.</summary>
    public int RoundsReplayed => _journal.RoundsCompleted;

    /// <summary>The listener for the resumed run.</summary>
    public void Tell(RunEvent runEvent) => _replay.Tell(runEvent);

    public void Dispose() => _writer.Dispose();

    /// <summary>The journal cut after its last completed round, open at its end.</summary>
    private FileStream OpenEnd()
    {
        var stream = new FileStream(_path, FileMode.Open, FileAccess.Write, FileShare.Read);
        stream.SetLength(_journal.Bytes);
        stream.Seek(0, SeekOrigin.End);
        return stream;
    }
}
