using Simulation.Grains.Abstractions.Outcomes;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Grains.Outcomes;
using Simulation.Model.Experiments;
using Simulation.Model.Runs;

namespace Simulation.Client.Batch;

/// <summary>Who plays a batch's runs: <c>local</c> (plain objects in this process) or <c>grains</c> (a silo).</summary>
internal interface IBatchEngine : IAsyncDisposable
{
    /// <summary>Plays one run and returns its outcome; throws when it fails.</summary>
    Task<RunOutcome> PlayAsync(ExperimentPlan plan, PlannedRun run, string runId, CancellationToken cancellation);
}

/// <summary>The in-process engine, as <c>run --engine local</c>.</summary>
internal sealed class LocalBatchEngine : IBatchEngine
{
    public async Task<RunOutcome> PlayAsync(ExperimentPlan plan, PlannedRun run, string runId, CancellationToken cancellation)
    {
        var scenario = plan.Load(run);
        // The in-process engine does not yield; it runs on the pool so cancellation still ends the wait.
        var result = await Task.Run(() => InProcessRun.PlayAsync(scenario, run.Seed), cancellation).WaitAsync(cancellation);
        return RunOutcomes.Assemble(scenario, result, plan.Document.Text, Path.GetFileName(plan.Document.FileName), run.Seed);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>
/// The grains engine, as <c>run --engine grains</c>: each run is a run grain of the embedded silo or
/// of the cluster at <c>--gateway</c>, sent the scenario's text with the run's values put in
/// (<see cref="ScenarioDocument.TextWith"/>), under its run id.
/// </summary>
internal sealed class GrainsBatchEngine(Cluster.ClusterConnection cluster) : IBatchEngine
{
    public static async Task<GrainsBatchEngine> OpenAsync(string? gateway, TimeSpan connectTimeout, CancellationToken cancellation) =>
        new(await Cluster.ClusterConnection.OpenAsync(gateway, connectTimeout, cancellation));

    public async Task<RunOutcome> PlayAsync(ExperimentPlan plan, PlannedRun run, string runId, CancellationToken cancellation)
    {
        var text = plan.Document.TextWith(run.Settings);
        var grain = cluster.Client.GetGrain<IRunGrain>(runId);
        // The run's end is pushed by the grain (RunWatch), not polled for.
        using var watch = await Cluster.RunWatch.StartAsync(cluster.Client, grain, new RunRequest(text, Path.GetFileName(plan.Document.FileName), run.Seed), cluster.Silo, cancellation);
        var status = await watch.EndAsync(onUpdate: null, cancellation);

        if (status.Phase != RunPhase.Completed)
        {
            throw new InvalidOperationException($"run {runId} failed: {status.Failure}");
        }

        return await grain.GetOutcomeAsync().WaitAsync(cancellation) ?? throw new InvalidOperationException($"run {runId} completed without an outcome");
    }

    public ValueTask DisposeAsync() => cluster.DisposeAsync();
}
