using System.Diagnostics;
using Simulation.Client.Cluster;
using Simulation.Client.Hosting;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Benchmarks;

namespace Simulation.Client.Bench;

/// <summary>
/// The world benchmark (DESIGN §7): a synthetic world of N countries and the rest of the world
/// (<see cref="SyntheticWorld"/>, made from N and a fixed seed, no data file), every pair at its own
/// table, all coupled through gsim, played once by each engine. A run is timed from its scenario
/// text to its outcome, parsing included on both engines (the grains engine parses on the silo).
/// </summary>
internal static class WorldBench
{
    /// <summary>The seed every world is generated and played with.</summary>
    public const long Seed = 1;

    private const string FileName = "world.yaml";

    public static async Task<IReadOnlyList<WorldFigure>> RunAsync(
        IReadOnlyList<int> countries, Action<double> progress, CancellationToken cancellation)
    {
        var figures = new List<WorldFigure>();
        var cost = countries.Sum(n => (double)SyntheticWorld.Negotiations(n)) * 2;
        var done = 0.0;
        var local = new LocalRunHost();
        var cluster = await ClusterConnection.OpenAsync(null, TimeSpan.Zero, cancellation);
        await using var grains = new GrainsRunHost(cluster);
        // A world of two countries, untimed, so the first timed world does not pay for compiling the code.
        var warmUp = SyntheticWorld.Scenario(SyntheticWorld.MinCountries, Seed);
        foreach (var host in new IRunHost[] { local, grains })
        {
            await PlayAsync(host, SyntheticWorld.MinCountries, warmUp, "warm-up", cancellation);
        }

        foreach (var n in countries)
        {
            var text = SyntheticWorld.Scenario(n, Seed);
            foreach (var host in new IRunHost[] { local, grains })
            {
                figures.Add(await PlayAsync(host, n, text, "timed", cancellation));
                done += SyntheticWorld.Negotiations(n);
                progress(done / cost);
            }
        }

        return figures;
    }

    private static async Task<WorldFigure> PlayAsync(IRunHost host, int countries, string text, string purpose, CancellationToken cancellation)
    {
        // What the run before left on the heap is not this run's peak.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var order = new RunOrder(RunIds.For(text, Seed, $"bench world {purpose} {host.Engine}"), text, FileName, Seed);
        using var peak = PeakWorkingSet.Start();
        var clock = Stopwatch.StartNew();
        var outcome = await host.PlayAsync(order, null, null, cancellation);
        var seconds = clock.Elapsed.TotalSeconds;
        var rounds = outcome.Negotiations.Sum(n => (long)n.Round);
        return new WorldFigure(countries, host.Engine, outcome.Negotiations.Count, seconds, peak.Stop() / (1024.0 * 1024.0), seconds * 1e6 / Math.Max(rounds, 1));
    }
}
