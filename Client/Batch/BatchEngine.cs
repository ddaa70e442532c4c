using Simulation.Client.Cluster;
using Simulation.Model.Reporting;
using Simulation.Grains.Abstractions.Runs;
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
        return await Task.Run(
            () => InProcessRun.OutcomeAsync(scenario, plan.Document.Text, Path.GetFileName(plan.Document.FileName), run.Seed, cancellation), cancellation).WaitAsync(cancellation);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>
/// The grains engine, as <c>run --engine grains</c>: each run is a run grain of the embedded silo or
/// of the cluster at <c>--gateway</c>, sent the scenario's text with the run's values put in
/// (<see cref="ScenarioDocument.TextWith"/>), under its run id.
/// </summary>
internal sealed class GrainsBatchEngine(ClusterConnection cluster) : IBatchEngine
{
    public static async Task<GrainsBatchEngine> OpenAsync(string? gateway, TimeSpan connectTimeout, CancellationToken cancellation) =>
        new(await ClusterConnection.OpenAsync(gateway, connectTimeout, cancellation));

    /// <remarks>
    /// A silo that stops answering is not the run's failure: it throws <see cref="SiloLostException"/>,
    /// and the batch stops with the run unfinished, for <c>--resume</c> (issue 16, D2). Every call
    /// here is bounded, through the run watch's liveness check or <see cref="RunWatch.Reach"/>, so a
    /// lost silo is noticed within seconds even by a run whose call was under way when it died.
    /// </remarks>
    public async Task<RunOutcome> PlayAsync(ExperimentPlan plan, PlannedRun run, string runId, CancellationToken cancellation)
    {
        try
        {
            return await PlayOnGrainsAsync(plan, run, runId, cancellation);
        }
        catch (SiloLostException)
        {
            cluster.MarkLost();
            throw;
        }
    }

    private async Task<RunOutcome> PlayOnGrainsAsync(ExperimentPlan plan, PlannedRun run, string runId, CancellationToken cancellation)
    {
        var text = plan.Document.TextWith(run.Settings);
        var grain = cluster.Client.GetGrain<IRunGrain>(runId);
        // The run's end is pushed by the grain (RunWatch), not polled for.
        using var watch = await RunWatch.StartAsync(cluster.Client, grain, runId, new RunRequest(text, Path.GetFileName(plan.Document.FileName), run.Seed), cluster.Silo, cancellation);
        var status = await watch.EndAsync(onUpdate: null, cancellation);

        if (status.Phase != RunPhase.Completed)
        {
            throw new InvalidOperationException($"run {runId} failed: {status.Failure}");
        }

        RunOutcome? outcome;
        try
        {
            outcome = await grain.GetOutcomeAsync().WaitAsync(RunWatch.Reach, cancellation);
        }
        catch (Exception error) when (SiloLostException.IsLoss(error) && !cancellation.IsCancellationRequested)
        {
            throw SiloLostException.Of(cluster.Silo, runId, "a request for its outcome", error, RunWatch.Reach);
        }

        return outcome ?? throw new InvalidOperationException($"run {runId} completed without an outcome");
    }

    /// <summary>Stops the client, hurried if the silo was lost: there is nobody to wait for.</summary>
    public ValueTask DisposeAsync() => cluster.DisposeAsync();
}
