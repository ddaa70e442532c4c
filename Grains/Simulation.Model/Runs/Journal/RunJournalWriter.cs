using System.Text;

namespace Simulation.Model.Runs.Journal;

/// <summary>
/// Writes a run's events to its journal as the run plays (<see cref="RunJournal"/>), each line in one
/// write, and flushes to the file after every completed round and at the run's end, so a run killed at
/// any moment leaves whole rounds, at most followed by part of the next (which resuming drops). The
/// journal is opened at the first event, so a run that never starts (a cluster that cannot be
/// reached) leaves no file behind.
/// </summary>
public sealed class RunJournalWriter : IDisposable
{
    private readonly Func<Stream> _open;
    private Stream? _stream;

    /// <param name="open">Opens the journal, positioned where the events go; the writer then owns the stream.</param>
    public RunJournalWriter(Func<Stream> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        _open = open;
    }

    /// <summary>Writes <paramref name="runEvent"/> as a line; a listener for <see cref="RunEngine.RunAsync"/>.</summary>
    public void Write(RunEvent runEvent)
    {
        var line = Encoding.UTF8.GetBytes(RunJournal.Line(runEvent) + "\n");
        _stream ??= _open();
        _stream.Write(line);
        if (runEvent is RoundCompleted or RunEnded)
        {
            _stream.Flush();
        }
    }

    public void Dispose() => _stream?.Dispose();
}
