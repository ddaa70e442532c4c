namespace Simulation.Client.Bench;

/// <summary>
/// The highest working set of this process while something runs, sampled every 10 ms on a thread of
/// its own. The process's own peak (VmHWM) only ever grows, so after a large world it would be
/// reported for every smaller one; sampling gives each run its own. A peak shorter than 10 ms can be missed.
/// </summary>
internal sealed class PeakWorkingSet : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    private readonly Thread _sampler;
    private volatile bool _stopped;
    private long _peak;

    private PeakWorkingSet()
    {
        _peak = Environment.WorkingSet;
        _sampler = new Thread(Sample) { IsBackground = true, Name = "bench memory sampler" };
    }

    public static PeakWorkingSet Start()
    {
        var peak = new PeakWorkingSet();
        peak._sampler.Start();
        return peak;
    }

    /// <summary>Stops sampling and returns the peak in bytes.</summary>
    public long Stop()
    {
        _stopped = true;
        _sampler.Join();
        return Math.Max(Interlocked.Read(ref _peak), Environment.WorkingSet);
    }

    public void Dispose()
    {
        if (!_stopped)
        {
            Stop();
        }
    }

    private void Sample()
    {
        while (!_stopped)
        {
            var now = Environment.WorkingSet;
            if (now > Interlocked.Read(ref _peak))
            {
                Interlocked.Exchange(ref _peak, now);
            }

            Thread.Sleep(Interval);
        }
    }
}
