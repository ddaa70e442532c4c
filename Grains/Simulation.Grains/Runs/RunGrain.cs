using Microsoft.Extensions.Logging;
using Orleans.Utilities;
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
    /// <summary>
    /// How long a subscription lasts without renewal: longer than any paced run a person watches, so
    /// a watcher is dropped only when a push to it fails or the run grain is deactivated.
    /// </summary>
    private static readonly TimeSpan s_watcherLifetime = TimeSpan.FromHours(12);

    private readonly ObserverManager<IRunObserver> watchers = new(s_watcherLifetime, logger);
    private long updates;
    private int eventsPushed;
    private int tariffChangesPushed;

    // What the watchers have been told so far, kept apart from the engine's own state: a snapshot
    // taken while a round is under way must match the sequence number it carries.
    private readonly SortedDictionary<string, List<TurnProgress>> turnsPushed = new(StringComparer.Ordinal);
    private RunProgressUpdate? lastPushed;
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
        scenario = ScenarioLoader.Parse(request.ScenarioText, request.ScenarioFile);
        var grains = new GrainRun(GrainFactory, this.GetPrimaryKeyString(), request);
        engine = new RunEngine(scenario, grains, grains) { Pace = request.Pace };
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
            scenario?.Negotiations.Select(n => n.Rounds).DefaultIfEmpty(0).Max() ?? 0,
            phase == RunPhase.Running ? engine?.ActiveNegotiations ?? 0 : 0,
            failure);

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
            [.. (engine?.AppliedEvents ?? []).Select(Readable)],
            failure);
    }

    private async Task PlayAsync(CancellationToken cancellation)
    {
        try
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, stopping.Token);
            var result = await engine!.RunAsync(new RoundPush(this, log), stop.Token);
            outcome = RunOutcomes.Assemble(scenario!, result, request!.ScenarioText, request.ScenarioFile, request.Seed);
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

    /// <summary>
    /// Pushes where the run stands to every watcher. The engine reports after every round, with the
    /// round's events and agreements already applied, so the turns, events and tariff changes since
    /// the previous push go with it; the last push carries the end.
    /// </summary>
    private void Push()
    {
        var status = Status();
        var fired = (engine?.AppliedEvents ?? []).Skip(eventsPushed).Select(Readable).ToList();
        eventsPushed += fired.Count;
        var changed = (engine?.TariffChanges ?? []).Skip(tariffChangesPushed).Select(ReadableText.Of).ToList();
        tariffChangesPushed += changed.Count;

        var negotiations = new List<NegotiationProgress>();
        var histories = engine?.Histories ?? new Dictionary<string, IReadOnlyList<TurnPlayed>>();
        foreach (var (id, negotiationStatus) in engine?.Statuses ?? new Dictionary<string, NegotiationStatus>())
        {
            if (!turnsPushed.TryGetValue(id, out var told))
            {
                told = [];
                turnsPushed[id] = told;
            }

            var agenda = engine!.Agenda(id);
            var news = histories[id].Skip(told.Count)
                .Select(t => new TurnProgress(
                    status.Round,
                    t.Round,
                    t.Turn,
                    t.Party,
                    t.Action,
                    t.Offer is null ? [] : ReadableText.IssuesOf(agenda, t.Offer),
                    t.Utilities))
                .ToList();
            told.AddRange(news);
            negotiations.Add(Progress(id, NegotiationGrain.StatusName(negotiationStatus), told, news));
        }

        // Tables not yet open are listed too, so a watcher sees the whole agenda from the first round.
        var opened = engine?.Statuses ?? new Dictionary<string, NegotiationStatus>();
        foreach (var spec in (scenario?.Negotiations ?? []).Where(n => !opened.ContainsKey(n.Id)).OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            negotiations.Add(new NegotiationProgress(spec.Id, NegotiationGrain.StatusName(NegotiationStatus.NotStarted), spec.Parties, 0, spec.Rounds, [], null, [], []));
        }

        negotiations.Sort((a, b) => string.CompareOrdinal(a.Negotiation, b.Negotiation));

        var update = new RunProgressUpdate(++updates, status, scenario?.Name ?? "", negotiations, fired, changed);
        lastPushed = update;
        // One-way calls: this returns as soon as the pushes are sent; a watcher that cannot be reached is dropped.
        watchers.Notify(watcher => _ = watcher.OnProgress(update));
    }

    /// <summary>A negotiation as the watchers see it, its standing offer taken from the turns told so far.</summary>
    private NegotiationProgress Progress(string id, string status, IReadOnlyList<TurnProgress> told, IReadOnlyList<TurnProgress> turns)
    {
        var standing = told.LastOrDefault(t => t.Offer.Count > 0);
        var spec = scenario!.Negotiation(id);
        return new(
            id,
            status,
            spec.Parties,
            engine!.RoundsPlayed(id),
            spec.Rounds,
            standing?.Offer ?? [],
            standing?.Party,
            standing?.Utilities ?? [],
            turns);
    }

    public Task<RunProgressUpdate> GetProgressAsync()
    {
        if (lastPushed is null)
        {
            return Task.FromResult(new RunProgressUpdate(0, Status(), scenario?.Name ?? "", [], [], []));
        }

        // The last update with every turn, event and tariff change told so far in place of its news.
        var negotiations = lastPushed.Negotiations
            .Select(n => n with { Turns = [.. turnsPushed.GetValueOrDefault(n.Negotiation) ?? []] })
            .ToList();
        var events = (engine?.AppliedEvents ?? []).Take(eventsPushed).Select(Readable).ToList();
        var changes = (engine?.TariffChanges ?? []).Take(tariffChangesPushed).Select(ReadableText.Of).ToList();
        return Task.FromResult(lastPushed with { Negotiations = negotiations, EventsFired = events, TariffChanges = changes });
    }

    /// <summary>An applied event as the dashboard and the watchers show it: its round and what it did.</summary>
    private static string Readable(AppliedEvent applied) => $"round {applied.Round}: {ReadableText.Of(applied)}";

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
