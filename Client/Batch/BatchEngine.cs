using Simulation.Grains.Abstractions.Outcomes;
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
