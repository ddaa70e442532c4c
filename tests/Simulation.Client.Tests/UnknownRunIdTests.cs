using System.Net;
using Simulation.Client.Cluster;
using Simulation.Grains.Runs;

namespace Simulation.Client.Tests;

/// <summary>
/// The live page's run URLs with ids that name no run (issue 16, D15): each is a 404, and none
/// reaches a run grain. Any call to a grain activates it, and an activation stays until it has
/// been idle for a while, so a page that asked the grain first let anyone fill a silo's memory
/// with run grains by trying ids. The silo's activations are read from the management grain.
/// </summary>
public sealed class UnknownRunIdTests(LiveSilo live) : IClassFixture<LiveSilo>
{
    [Fact]
    public async Task Unknown_run_ids_are_404s_and_activate_no_run_grain()
    {
        await using var cluster = await ClusterConnection.OpenAsync(live.Gateway, cluster: null, TimeSpan.FromSeconds(30), CancellationToken.None);
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        // Well-formed ids that no run has: drawn from a seeded generator, so the test is the same every time.
        var random = new Random(16);
        var ids = Enumerable.Range(0, 200).Select(_ => $"run-{random.NextInt64():x16}").ToList();
        var before = RunGrains(await management.GetDetailedGrainStatistics());

        for (var i = 0; i < ids.Count; i++)
        {
            // Both the progress and the event stream of a run, half the ids each.
            var path = i % 2 == 0 ? $"/live/runs/{ids[i]}" : $"/live/runs/{ids[i]}/events";
            using var response = await live.Http.GetAsync(live.Url(path));
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, path);
            (await response.Content.ReadAsStringAsync()).Should().Contain($"no run {ids[i]} on this cluster");
        }

        var after = RunGrains(await management.GetDetailedGrainStatistics());
        after.Should().NotIntersectWith(ids, "an id that names no run must not activate a run grain");
        after.Should().BeEquivalentTo(before);
    }

    /// <summary>The keys of the run grains active on the silo (a statistic names its grain class as "full name,assembly").</summary>
    private static List<string> RunGrains(IEnumerable<DetailedGrainStatistic> active) =>
        [.. active.Where(a => a.GrainType.StartsWith($"{typeof(RunGrain).FullName},", StringComparison.Ordinal)).Select(a => a.GrainId.Key.ToString()!)];
}
