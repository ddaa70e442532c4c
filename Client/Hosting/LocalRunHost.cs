using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Reporting;
using Simulation.Model.Runs;
using Simulation.Model.Scenarios;

namespace Simulation.Client.Hosting;

/// <summary>The in-process engine (<c>--engine local</c>): the model's run engine over plain objects, no silo.</summary>
public sealed class LocalRunHost : IRunHost
{
    public string Engine => RunTimings.Local;

    public bool EmbeddedSilo => false;

    public Task<IReadOnlyList<string>> WhereToWatchAsync(RunOrder order, CancellationToken cancellation) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public async Task<RunOutcome> PlayAsync(RunOrder order, Action<RunProgressUpdate, bool>? watch, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(order);
        try
        {
            var scenario = order.Parsed ?? ScenarioLoader.Parse(order.ScenarioText, order.ScenarioFile);
            // The engine does not yield; it runs on the pool so Ctrl+C still ends the wait at once.
            var result = await Task.Run(() => PlayAsync(scenario, order, watch, cancellation), cancellation).WaitAsync(cancellation);
            return RunOutcomes.Assemble(scenario, result, order.ScenarioText, order.ScenarioFile, order.Seed);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new RunFailedException(order.RunId, error.Message, error);
        }
    }

    /// <summary>
    /// Plays the run, telling <paramref name="watch"/> after every round what a run grain would push:
    /// the engine's state, turned into updates by the run grain's own converter.
    /// </summary>
    private static async Task<RunResult> PlayAsync(Scenario scenario, RunOrder order, Action<RunProgressUpdate, bool>? watch, CancellationToken cancellation)
    {
        var local = new InProcessRun(scenario, order.Seed);
        var engine = new RunEngine(scenario, local, local) { Pace = order.Pace };
        if (watch is null)
        {
            return await engine.RunAsync(null, cancellation);
        }

        var told = new RunProgressLedger(scenario, engine);
        RunStatus Status(RunPhase phase) =>
            new(order.RunId, phase, engine.Round, engine.Horizon, phase == RunPhase.Running ? engine.ActiveNegotiations : 0, null);

        var result = await engine.RunAsync(new ClockReport(_ => watch(told.Next(Status(RunPhase.Running)), false)), cancellation);
        watch(told.Next(Status(RunPhase.Completed)), false);
        return result;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Reports on the engine's own thread, unlike <see cref="Progress{T}"/>, which would post after the run has moved on.</summary>
    private sealed class ClockReport(Action<RunClock> report) : IProgress<RunClock>
    {
        public void Report(RunClock value) => report(value);
    }
}
