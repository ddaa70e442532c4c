using Microsoft.Extensions.DependencyInjection;
using Simulation.Grains.Scenarios;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>
/// A scenario is parsed once per silo per run, not once per grain: the run grain parses it into its
/// silo's <see cref="ScenarioCache"/>, and its country and negotiation grains are told its key. A
/// grain on another silo fetches the text from the run grain, once for its whole silo. Without the
/// cache a run parses 1 + N + M times (the run grain, N negotiation grains, M country grains).
/// </summary>
[Collection(nameof(ClusterCollection))]
public sealed class ScenarioParseCountTests(OneSilo oneSilo, SpreadOverTwoSilos spread)
{
    // Five negotiations among six of its ten countries: 1 + 5 + 6 = 12 parses without the cache.
    private const string File = "canada-asia-pivot.yaml";

    [Fact]
    public async Task A_run_on_one_silo_parses_its_scenario_once()
    {
        var text = Unique(System.IO.File.ReadAllText(RepositoryPaths.Scenario(File)), "one silo");
        var scenario = ScenarioLoader.Parse(text, File);
        (scenario.Negotiations.Count, scenario.Negotiations.SelectMany(n => n.Parties).Distinct().Count()).Should().Be((5, 6));
        var cache = Cache(oneSilo.Cluster.Silos[0]);
        var before = cache.Parses;

        await RunDriver.RunAsync(oneSilo.Client, text, File, seed: 0);

        (cache.Parses - before).Should().Be(1, "the run grain parses, its 11 grains take the parsed scenario by key");
    }

    [Fact]
    public async Task A_run_whose_grains_spread_over_two_silos_parses_its_scenario_once_on_each()
    {
        var text = Unique(System.IO.File.ReadAllText(RepositoryPaths.Scenario(File)), "two silos");
        var caches = spread.Cluster.Silos.Select(Cache).ToList();
        var before = caches.Select(c => c.Parses).ToList();

        var outcome = await RunDriver.RunAsync(spread.Client, text, File, seed: 0);

        // Twelve grains placed by a stable hash of their ids land on both silos (all on one: 2^-11).
        caches.Select((c, i) => c.Parses - before[i]).Should().Equal([1, 1], "each silo parses once: the run grain's, and the other on its grains' first fetch of the text");
        outcome.ShouldMatch(ReferenceRun.Play(ScenarioLoader.Parse(text, File), seed: 0));
    }

    [Fact]
    public void No_grain_parses_a_scenario_but_through_the_cache()
    {
        // The counts above see only the cache's parses: a grain calling the loader itself would
        // parse unseen, so the grain sources are read for any other call.
        var grains = Path.Combine(RepositoryPaths.Root, "Grains", "Simulation.Grains");
        var parsing = Directory.EnumerateFiles(grains, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => System.IO.File.ReadAllText(f).Contains("ScenarioLoader.Parse(", StringComparison.Ordinal))
            .Select(Path.GetFileName);

        parsing.Should().Equal(nameof(ScenarioCache) + ".cs");
    }

    /// <summary>The scenario with a comment of its own, so no other test's run has put it in a silo's cache.</summary>
    private static string Unique(string text, string test) => text + $"\n# {nameof(ScenarioParseCountTests)}: {test}\n";

    private static ScenarioCache Cache(Orleans.TestingHost.InProcessSiloHandle silo) => silo.ServiceProvider.GetRequiredService<ScenarioCache>();
}
