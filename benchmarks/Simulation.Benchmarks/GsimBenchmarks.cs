using BenchmarkDotNet.Attributes;
using Simulation.Model.Benchmarks;
using Simulation.Model.Economics;
using Simulation.Model.Scenarios;

namespace Simulation.Benchmarks;

/// <summary>
/// The gsim solve (DESIGN §3.2) of a small synthetic world: every sector's markets at the tariffs in
/// force, for 5 and 10 countries and the rest of the world, as the run solves its world.
/// </summary>
[MemoryDiagnoser]
public class GsimBenchmarks
{
    private Scenario _scenario = null!;
    private World _world = null!;

    [Params(5, 10)]
    public int Countries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scenario = ScenarioLoader.Parse(SyntheticWorld.Scenario(Countries, 1), "world.yaml");
        _world = World.FromScenario(_scenario);
    }

    [Benchmark]
    public int SolveWorld() => _world.Solve(_scenario.Model).Count;
}
