using System.Diagnostics;
using System.Globalization;
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

    /// <summary>
    /// Plays the worlds of <paramref name="countries"/> in turn. Once one size has taken longer than
    /// <paramref name="stopAfter"/> on both engines together, the larger sizes are not played: their
    /// cost grows faster than their number of negotiations (docs/performance.md), so they would take
    /// hours. <paramref name="notPlayed"/> is told which sizes were left out and why.
    /// </summary>
    public static async Task<IReadOnlyList<WorldFigure>> RunAsync(
        IReadOnlyList<int> countries, TimeSpan stopAfter, Action<string> notPlayed, Action<double> progress, CancellationToken cancellation)
    {
        var figures = new List<WorldFigure>();
        var cost = countries.Sum(n => (double)SyntheticWorld.Negotiations(n)) * 2;
        var done = 0.0;
        var local = new LocalRunHost();
        var cluster = await ClusterConnection.OpenAsync(null, null, TimeSpan.Zero, cancellation);
        await using var grains = new GrainsRunHost(cluster);
        // A world of two countries, untimed, so the first timed world does not pay for compiling the code.
        var warmUp = SyntheticWorld.Scenario(SyntheticWorld.MinCountries, Seed);
        foreach (var host in new IRunHost[] { local, grains })
        {
            await PlayAsync(host, SyntheticWorld.MinCountries, warmUp, "warm-up", cancellation);
        }

        for (var i = 0; i < countries.Count; i++)
        {
            var n = countries[i];
            var text = SyntheticWorld.Scenario(n, Seed);
            var seconds = 0.0;
            foreach (var host in new IRunHost[] { local, grains })
            {
                var figure = await PlayAsync(host, n, text, "timed", cancellation);
                figures.Add(figure);
                seconds += figure.Seconds;
                done += SyntheticWorld.Negotiations(n);
                progress(done / cost);
            }

            if (seconds > stopAfter.TotalSeconds && i + 1 < countries.Count)
            {
                notPlayed(string.Create(CultureInfo.InvariantCulture,
                    $"worlds of {string.Join(", ", countries.Skip(i + 1))} countries not played: the world of {n} took {seconds:0} s on the two engines, past the {stopAfter.TotalMinutes:0}-minute limit for one size"));
                progress(1);
                break;
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
