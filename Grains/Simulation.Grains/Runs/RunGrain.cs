using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using Simulation.Model.Reporting;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Grains.Negotiations;
using Simulation.Grains.Scenarios;
using Simulation.Model.Negotiation;
using Simulation.Model.Runs;
using Simulation.Model.Runs.Journal;
using Simulation.Model.Scenarios;

namespace Simulation.Grains.Runs;

/// <summary>
/// A run: hosts the model's <see cref="RunEngine"/>, the global round clock (DESIGN §5.1), over the
/// run's negotiation and country grains (<see cref="GrainRun"/>), and assembles the outcome as the
/// in-process engine does (<see cref="RunOutcomes"/>). Thin: the rules are the engine's.
/// </summary>
public sealed class RunGrain(ILogger<RunGrain> logger, ScenarioCache scenarios) : Grain, IRunGrain
{
    /// <summary>
    /// How long a subscription lasts without renewal: longer than any paced run a person watches, so
    /// a watcher is dropped only when a push to it fails or the run grain is deactivated.
    /// </summary>
    private static readonly TimeSpan s_watcherLifetime = TimeSpan.FromHours(12);

    private readonly ObserverManager<IRunObserver> watchers = new(s_watcherLifetime, logger);

    // What the watchers have been told so far, kept apart from the engine's own state.
    private RunProgressLedger? told;
    private RunRequest? request;
    private Scenario? scenario;
    private RunEngine? engine;
    private RunPhase phase = RunPhase.NotStarted;
    private string? failure;
    private RunOutcome? outcome;
    private IGrainTimer? runner;
    private RunLog? log;
    private readonly CancellationTokenSource stopping = new();

    // The runs directory's reports: numbered from 1 by this activation, which started at this time.
    private long reports;
    private long started;

    public Task<RunStatus> StartAsync(RunRequest request)
    {
        if (phase != RunPhase.NotStarted)
        {
            return GetStatusAsync();
        }

        this.request = request;
        (var scenarioKey, scenario) = scenarios.Parse(request.ScenarioText, request.ScenarioFile);
        var grains = new GrainRun(GrainFactory, this.GetPrimaryKeyString(), scenarioKey, request);
        engine = new RunEngine(scenario, grains, grains) { Pace = request.Pace };
        told = new RunProgressLedger(scenario, engine);
        phase = RunPhase.Running;
        log = new RunLog(logger, this.GetPrimaryKeyString(), scenario, engine);
        log.Started(request.Seed);
        started = DateTime.UtcNow.Ticks;
        List();

        // The rounds run on a one-shot timer, not inside this call, so the caller gets control
        // back at once and watches the progress pushed to it.
        runner = this.RegisterGrainTimer(PlayAsync, new GrainTimerCreationOptions
        {
            DueTime = TimeSpan.Zero,
            Period = Timeout.InfiniteTimeSpan,
            KeepAlive = true,
        });
        return GetStatusAsync();
    }

    public Task<RunStatus> SubscribeAsync(IRunObserver observer)
    {
        // A run that has ended pushes nothing more: its status is all a new watcher will hear.
        if (phase is not (RunPhase.Completed or RunPhase.Failed or RunPhase.Cancelled))
        {
            watchers.Subscribe(observer, observer);
        }

        return GetStatusAsync();
    }

    public Task UnsubscribeAsync(IRunObserver observer)
    {
        watchers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task CancelAsync()
    {
        stopping.Cancel();
        return Task.CompletedTask;
    }

    public Task<RunStatus> GetStatusAsync() => Task.FromResult(Status());

    private RunStatus Status() =>
        new(
            this.GetPrimaryKeyString(),
            phase,
            engine?.Round ?? 0,
            engine?.Horizon ?? 0,
            phase == RunPhase.Running ? engine?.ActiveNegotiations ?? 0 : 0,
            failure);

    public Task<RunOutcome?> GetOutcomeAsync() => Task.FromResult(outcome);

    public Task<string> GetScenarioTextAsync() =>
        Task.FromResult(request?.ScenarioText ?? throw new InvalidOperationException($"Run {this.GetPrimaryKeyString()} has not started."));

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
            (engine?.Statuses ?? new Dictionary<string, NegotiationStatus>()).ToDictionary(r => r.Key, r => NegotiationStatusNames.Name(r.Value)),
            [.. (engine?.TariffChanges ?? []).Select(ReadableText.Of)],
            [.. (engine?.QuotaChanges ?? []).Select(ReadableText.Of)],
            [.. (engine?.AppliedEvents ?? []).Select(RunProgressLedger.Readable)],
            failure);
    }

    private async Task PlayAsync(CancellationToken cancellation)
    {
        try
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, stopping.Token);
            var events = new List<RunEvent>();
            var push = new RoundPush(this, log);
            var result = await engine!.RunAsync(
                RunStarted.For(scenario!, request!.ScenarioText, request.Seed),
                told =>
                {
                    events.Add(told);
                    if (told is RoundCompleted round)
                    {
                        push.Report(new RunClock(round.Round, round.ActiveNegotiations, round.Horizon));
                    }
                },
                stop.Token);
            outcome = RunOutcomes.Assemble(scenario!, events, request.ScenarioFile);
            phase = RunPhase.Completed;
            log?.Completed(result.RoundsPlayed);
        }
        catch (OperationCanceledException)
        {
            failure = "cancelled";
            phase = RunPhase.Cancelled;
            // A fresh activation plays the same run id again from the start.
            this.DeactivateOnIdle();
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

        Push();
        List();
        watchers.Clear();
    }

    /// <summary>
    /// Tells the runs directory where the run stands: at the start, at the end, and after every
    /// round of a paced run, which a person may be watching. One-way, so a run never waits on it.
    /// </summary>
    private void List()
    {
        var listing = new RunListing(this.GetPrimaryKeyString(), scenario?.Name ?? "", request?.ScenarioFile ?? "", request?.Seed ?? 0, Status(), started, ++reports);
        _ = RunDirectory.Of(GrainFactory).ReportAsync(listing);
    }

    /// <summary>Pushes where the run stands, and what changed since the previous push, to every watcher.</summary>
    private void Push()
    {
        var update = told!.Next(Status());
        // One-way calls: this returns as soon as the pushes are sent; a watcher that cannot be reached is dropped.
        watchers.Notify(watcher => _ = watcher.OnProgress(update));
    }

    public Task<RunProgressUpdate> GetProgressAsync() =>
        Task.FromResult(told?.Snapshot(Status()) ?? new RunProgressUpdate(0, Status(), scenario?.Name ?? "", [], [], []));

    /// <summary>
    /// After every round: the silo's log, then the watchers, on the grain's own scheduler as the
    /// engine reports it (not posted, as <see cref="Progress{T}"/> would).
    /// </summary>
    private sealed class RoundPush(RunGrain run, IProgress<RunClock>? log) : IProgress<RunClock>
    {
        public void Report(RunClock value)
        {
            log?.Report(value);
            run.Push();
            if (run.request?.Pace > TimeSpan.Zero)
            {
                run.List();
            }
        }
    }
}
