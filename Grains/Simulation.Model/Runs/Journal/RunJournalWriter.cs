using System.Text;

namespace Simulation.Model.Runs.Journal;

/// <summary>
/// Writes a run's events to its journal as the run plays (<see cref="RunJournal"/>), each line in one
/// write, and flushes to the file after every completed round and at the run's end, so a run killed at
/// any moment leaves whole rounds, at most followed by part of the next (which resuming drops).
/// </summary>
public sealed class RunJournalWriter : IDisposable
{
    private readonly Stream _stream;

    /// <summary>Writes at the end of <paramref name="stream"/>, which the writer then owns.</summary>
    public RunJournalWriter(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
    }

    /// <summary>Writes <paramref name="runEvent"/> as a line; a listener for <see cref="RunEngine.RunAsync"/>.</summary>
    public void Write(RunEvent runEvent)
    {
        var line = Encoding.UTF8.GetBytes(RunJournal.Line(runEvent) + "\n");
        _stream.Write(line);
        if (runEvent is RoundCompleted or RunEnded)
        {
            _stream.Flush();
        }
    }

    public void Dispose() => _stream.Dispose();
}
