using System.Diagnostics;
using Simulation.Client.Cluster;
using Simulation.Client.Hosting;
using Simulation.Grains.Abstractions.Benchmarks;
using Simulation.Model.Benchmarks;

namespace Simulation.Client.Bench;

/// <summary>
/// W1 through grains on an embedded silo (DESIGN §7): every turn is a message from the negotiation
/// grain to a country grain, as `batch --engine grains` plays it. Beside it, on the same silo and in
/// the same process, the rate of calls to a grain that does nothing (<see cref="IPingGrain"/>), one
/// at a time as a run's turns are, so the ratio of the two is the overhead of a turn in units of
/// Orleans' own messaging cost.
/// </summary>
internal static class W1GrainsBench
{
    public static async Task<W1GrainsFigures> RunAsync(BenchSizes sizes, Action<double> progress, CancellationToken cancellation)
    {
        var cluster = await ClusterConnection.OpenAsync(null, null, TimeSpan.Zero, cancellation);
        await using var host = new GrainsRunHost(cluster);
        var pairs = W1Workload.Pairs.Select(W1Orders.Of).ToList();
        var turns = new int[pairs.Count];
        var total = pairs.Count * (sizes.GrainsWarmUpRuns + sizes.GrainsRuns) + 1.0;
        var done = 0;
        for (var p = 0; p < pairs.Count; p++)
        {
            turns[p] = await pairs[p].CountTurnsAsync(host, cancellation);
            for (var i = 0; i < sizes.GrainsWarmUpRuns; i++)
            {
                await host.PlayAsync(pairs[p].Order(i), null, null, cancellation);
                progress(++done / total);
            }
        }

        var elapsed = TimeSpan.Zero;
        long runs = 0, allTurns = 0;
        for (var i = 0; i < sizes.GrainsRuns; i++)
        {
            for (var p = 0; p < pairs.Count; p++)
            {
                var order = pairs[p].Order(sizes.GrainsWarmUpRuns + i);
                var clock = Stopwatch.StartNew();
                await host.PlayAsync(order, null, null, cancellation);
                elapsed += clock.Elapsed;
                runs++;
                allTurns += turns[p];
                progress(++done / total);
            }
        }

        var ping = cluster.Client.GetGrain<IPingGrain>(0);
        for (var i = 0; i < sizes.WarmUpCalls; i++)
        {
            await ping.PingAsync().WaitAsync(cancellation);
        }

        var calls = Stopwatch.StartNew();
        for (var i = 0; i < sizes.EmptyCalls; i++)
        {
            await ping.PingAsync().WaitAsync(cancellation);
        }

        var callSeconds = calls.Elapsed.TotalSeconds / sizes.EmptyCalls;
        progress(1);
        var turnSeconds = elapsed.TotalSeconds / allTurns;
        return new W1GrainsFigures(runs / elapsed.TotalSeconds, 1 / callSeconds, turnSeconds / callSeconds);
    }
}
