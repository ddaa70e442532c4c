using System.Threading.Channels;
using Simulation.Grains.Abstractions.Runs;

namespace Simulation.Silo.Live;

/// <summary>
/// One browser watching one run: the run's progress so far and the updates after it, in sequence
/// order; <see cref="Updates"/> completes when the run ends. Dispose when the browser leaves.
/// </summary>
public sealed class RunWatch(RunProgressUpdate snapshot, ChannelReader<RunProgressUpdate> updates, Action leave) : IDisposable
{
    private int left;

    public RunProgressUpdate Snapshot => snapshot;

    public ChannelReader<RunProgressUpdate> Updates => updates;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref left, 1) == 0)
        {
            leave();
        }
    }
}
