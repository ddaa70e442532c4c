using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Reporting;
using Simulation.Model.Runs;
using Simulation.Model.Runs.Journal;
using Simulation.Model.Scenarios;

namespace Simulation.Client.Hosting;

/// <summary>The in-process engine (<c>--engine local</c>): the model's run engine over plain objects, no silo.</summary>
public sealed class LocalRunHost : IRunHost
{
    public string Engine => RunTimings.Local;

    public bool EmbeddedSilo => false;

    public Task<IReadOnlyList<string>> WhereToWatchAsync(RunOrder order, CancellationToken cancellation) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public async Task<RunOutcome> PlayAsync(RunOrder order, Action<RunProgressUpdate, bool>? watch, Action<RunEvent>? events, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(order);
        try
        {
            var scenario = order.Parsed ?? ScenarioLoader.Parse(order.ScenarioText, order.ScenarioFile);
            // The engine does not yield; it runs on the pool so Ctrl+C still ends the wait at once.
            var told = await Task.Run(() => PlayAsync(scenario, order, watch, events, cancellation), cancellation).WaitAsync(cancellation);
            return RunOutcomes.Assemble(scenario, told, order.ScenarioFile);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new RunFailedException(order.RunId, error.Message, error);
        }
    }

    /// <summary>
    /// Plays the run and returns its events, telling <paramref name="events"/> each as it happens and
    /// <paramref name="watch"/> after every round what a run grain would push: where the run stands,
    /// folded from its events, as the run grain's own ledger tells it.
    /// </summary>
    private static async Task<IReadOnlyList<RunEvent>> PlayAsync(
        Scenario scenario, RunOrder order, Action<RunProgressUpdate, bool>? watch, Action<RunEvent>? events, CancellationToken cancellation)
    {
        var local = new InProcessRun(scenario, order.Seed);
        var engine = new RunEngine(scenario, local, local) { Pace = order.Pace, ReplayedRounds = order.ReplayedRounds };
        // Where the run stands is folded only for a watcher: a batch's runs would fold every turn for nobody.
        var standing = watch is null ? null : new RunStanding(scenario);
        var ledger = standing is null ? null : new RunProgressLedger(standing);
        RunStatus Status(RunPhase phase) =>
            new(order.RunId, phase, engine.Round, engine.Horizon, phase == RunPhase.Running ? engine.ActiveNegotiations : 0, null);

        var told = new List<RunEvent>();
        await engine.RunAsync(
            RunStarted.For(scenario, order.ScenarioText, order.Seed),
            runEvent =>
            {
                told.Add(runEvent);
                events?.Invoke(runEvent);
                standing?.Apply(runEvent);
                // Shown on the engine's own thread, after the round and before the next.
                if (runEvent is RoundCompleted && ledger is not null)
                {
                    watch!(ledger.Next(Status(RunPhase.Running)), false);
                }
            },
            cancellation);
        if (ledger is not null)
        {
            watch!(ledger.Next(Status(RunPhase.Completed)), false);
        }

        return told;
    }

    /// <summary>A run in this process keeps nothing once its outcome is returned.</summary>
    public Task ReleaseAsync(string runId, CancellationToken cancellation) => Task.CompletedTask;

    public Task<int> DefaultParallelAsync(CancellationToken cancellation) => Task.FromResult(Environment.ProcessorCount);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
