using System.Diagnostics;
using Simulation.Client.Hosting;
using Simulation.Model.Benchmarks;

namespace Simulation.Client.Bench;

/// <summary>
/// W1 in process (DESIGN §7): both pairs, one run at a time through the host `batch --engine local`
/// uses, after warm-up runs that are not timed (the JIT, tiered compilation). The pairs alternate in
/// blocks until both have run for the minimum time and number of runs. Allocation is the process's
/// total (every thread: the engine plays on the thread pool) over the timed runs.
/// </summary>
internal static class W1LocalBench
{
    private const int Block = 20;

    public static async Task<W1LocalFigures> RunAsync(BenchSizes sizes, Action<double> progress, CancellationToken cancellation)
    {
        var host = new LocalRunHost();
        var pairs = W1Workload.Pairs.Select(W1Orders.Of).ToList();
        var turns = new int[pairs.Count];
        for (var p = 0; p < pairs.Count; p++)
        {
            turns[p] = await pairs[p].CountTurnsAsync(host, cancellation);
            for (var i = 0; i < sizes.W1WarmUpRuns; i++)
            {
                await host.PlayAsync(pairs[p].Order(i), null, null, cancellation);
            }
        }

        var runs = new long[pairs.Count];
        var elapsed = new TimeSpan[pairs.Count];
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        while (runs.Min() < sizes.W1MinRuns || elapsed.Min() < sizes.W1MinTime)
        {
            for (var p = 0; p < pairs.Count; p++)
            {
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < Block; i++)
                {
                    await host.PlayAsync(pairs[p].Order(i), null, null, cancellation);
                }

                elapsed[p] += clock.Elapsed;
                runs[p] += Block;
            }

            progress(Math.Min(Math.Min(1.0 * runs.Min() / sizes.W1MinRuns, elapsed.Min() / sizes.W1MinTime), 1));
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var seconds = elapsed.Sum(e => e.TotalSeconds);
        var negotiations = runs.Sum();
        var allTurns = runs.Select((n, p) => n * turns[p]).Sum();
        return new W1LocalFigures(negotiations / seconds, seconds * 1e6 / allTurns, (double)allocated / negotiations);
    }
}
