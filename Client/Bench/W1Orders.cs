using Simulation.Client.Batch;
using Simulation.Client.Hosting;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Benchmarks;
using Simulation.Model.Experiments;
using Simulation.Model.Runs.Journal;

namespace Simulation.Client.Bench;

/// <summary>
/// W1's runs as a batch orders them (<see cref="BatchRunner.Order"/>: the text with the run's values
/// put in, and the scenario parsed from it), so the bench times exactly what `batch` plays and no
/// shortcut a batch does not take. Each order has its own run id, as a batch's replicates do, so
/// the grains engine starts a new run grain rather than answering from the one before.
/// </summary>
internal sealed class W1Orders
{
    private const string FileName = "w1.yaml";

    private readonly ExperimentPlan _plan;

    private W1Orders(W1Pair pair, ExperimentPlan plan)
    {
        Pair = pair;
        _plan = plan;
    }

    public W1Pair Pair { get; }

    public static W1Orders Of(W1Pair pair)
    {
        var document = ScenarioDocument.FromFile(W1Workload.ScenarioText(pair), FileName);
        return new W1Orders(pair, ExperimentPlan.Create(new Experiment(FileName, [], [], 1, null), document, document.Seed));
    }

    /// <summary>The <paramref name="replicate"/>-th run of the pair.</summary>
    public RunOrder Order(int replicate) =>
        BatchRunner.Order(_plan, [], _plan.Seed, RunIds.For(_plan.Document.Text, _plan.Seed, $"bench {Pair.Name} {replicate}"));

    /// <summary>
    /// Turns in one run of the pair, counted from the run's events. A run is deterministic, so every
    /// run of the pair takes as many; the count does not depend on the engine (both tell the same events).
    /// </summary>
    public async Task<int> CountTurnsAsync(IRunHost host, CancellationToken cancellation)
    {
        var turns = 0;
        await host.PlayAsync(Order(-1), null, e => turns += e is TurnTaken ? 1 : 0, cancellation);
        return turns;
    }
}
