using Microsoft.Extensions.Logging;
using Simulation.Grains.Abstractions.Outcomes;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Grains.Negotiations;
using Simulation.Grains.Outcomes;
using Simulation.Model.Negotiation;
using Simulation.Model.Runs;
using Simulation.Model.Scenarios;

namespace Simulation.Grains.Runs;

/// <summary>
/// A run: hosts the model's <see cref="RunEngine"/>, the global round clock (DESIGN §5.1), over the
/// run's negotiation and country grains (<see cref="GrainRun"/>), and assembles the outcome as the
/// in-process engine does (<see cref="RunOutcomes"/>). Thin: the rules are the engine's.
/// </summary>
public sealed class RunGrain(ILogger<RunGrain> logger) : Grain, IRunGrain
{
    private RunRequest? request;
    private Scenario? scenario;
    private RunEngine? engine;
    private RunPhase phase = RunPhase.NotStarted;
    private string? failure;
    private RunOutcome? outcome;
    private IGrainTimer? runner;
    private RunLog? log;

    public Task<RunStatus> StartAsync(RunRequest request)
    {
        if (phase != RunPhase.NotStarted)
        {
            return GetStatusAsync();
        }

        this.request = request;
        scenario = ScenarioLoader.Parse(request.ScenarioText, request.ScenarioFile);
        var grains = new GrainRun(GrainFactory, this.GetPrimaryKeyString(), request);
        engine = new RunEngine(scenario, grains, grains);
        phase = RunPhase.Running;
        log = new RunLog(logger, this.GetPrimaryKeyString(), scenario, engine);
        log.Started(request.Seed);

        // The rounds run on a one-shot timer, not inside this call, so the caller gets control
        // back at once and can watch progress through GetStatusAsync.
        runner = this.RegisterGrainTimer(PlayAsync, new GrainTimerCreationOptions
        {
            DueTime = TimeSpan.Zero,
            Period = Timeout.InfiniteTimeSpan,
            KeepAlive = true,
        });
        return GetStatusAsync();
    }

    public Task<RunStatus> GetStatusAsync() =>
        Task.FromResult(new RunStatus(
            this.GetPrimaryKeyString(),
            phase,
            engine?.Round ?? 0,
            scenario?.Negotiations.Select(n => n.Rounds).DefaultIfEmpty(0).Max() ?? 0,
            phase == RunPhase.Running ? engine?.ActiveNegotiations ?? 0 : 0,
            failure));

    public Task<RunOutcome?> GetOutcomeAsync() => Task.FromResult(outcome);

    public async Task<RunState> GetState()
    {
        var status = await GetStatusAsync();
        return new(
            status.RunId,
            scenario?.Name,
            request?.Seed ?? 0,
            RunPhases.Name(status.Phase),
            status.Round,
            status.MaxRounds,
            (engine?.Statuses ?? new Dictionary<string, NegotiationStatus>()).ToDictionary(r => r.Key, r => NegotiationGrain.StatusName(r.Value)),
            [.. (engine?.TariffChanges ?? []).Select(ReadableText.Of)],
            [.. (engine?.QuotaChanges ?? []).Select(ReadableText.Of)],
            [.. (engine?.AppliedEvents ?? []).Select(e => $"round {e.Round}: {ReadableText.Of(e)}")],
            failure);
    }

    private async Task PlayAsync(CancellationToken cancellation)
    {
        try
        {
            var result = await engine!.RunAsync(log);
            outcome = RunOutcomes.Assemble(scenario!, result, request!.ScenarioText, request.ScenarioFile, request.Seed);
            phase = RunPhase.Completed;
            log?.Completed(result.RoundsPlayed);
        }
        catch (Exception error)
        {
            failure = error.Message;
            phase = RunPhase.Failed;
            log?.Failed(error);
        }
        finally
        {
            runner?.Dispose();
        }
    }
}
