using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using Simulation.Grains.Abstractions.Countries;
using Simulation.Grains.Abstractions.Negotiations;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Grains.Abstractions.Wire;
using Simulation.Grains.Hosting;
using Simulation.Grains.Scenarios;
using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;
using Simulation.Model.Runs;
using Simulation.Model.Runs.Journal;
using Simulation.Model.Scenarios;

namespace Simulation.Grains.Runs;

/// <summary>
/// A run: hosts the model's <see cref="RunEngine"/>, the global round clock (DESIGN §5.1), over the
/// run's negotiation and country grains (<see cref="GrainRun"/>), and assembles the outcome as the
/// in-process engine does (<see cref="RunOutcomes"/>). Thin: the rules are the engine's. What it
/// keeps of the run is one <see cref="RunRecord"/> in grain storage, written at the start, after
/// every round and at the end.
/// </summary>
public sealed class RunGrain(
    [PersistentState("run", TradeSimSiloBuilderExtensions.RunStorage)] IPersistentState<RunRecord> record,
    ILogger<RunGrain> logger,
    ScenarioCache scenarios,
    IHostApplicationLifetime silo) : Grain, IRunGrain
{
    /// <summary>
    /// How long a subscription lasts without renewal: longer than any paced run a person watches, so
    /// a watcher is dropped only when a push to it fails or the run grain is deactivated.
    /// </summary>
    private static readonly TimeSpan s_watcherLifetime = TimeSpan.FromHours(12);

    private readonly ObserverManager<IRunObserver> watchers = new(s_watcherLifetime, logger);
    private readonly CancellationTokenSource stopping = new();

    // The run as this activation plays it, rebuilt from the record's request; null until it starts here.
    private Playing? playing;
    private IGrainTimer? runner;

    // The record as it stands (written or about to be), and its writes, one after another: the
    // engine reports rounds without waiting on them.
    private RunRecord? current;
    private Task saving = Task.CompletedTask;

    // The run's events as the engine told them (the journal, numbered from 1), and how many of them
    // the watchers have been pushed.
    private readonly List<RunEvent> journal = [];

    // The first of those events as journal lines, each serialized once, off the grain's thread, when a
    // write of the record first needs it: the record keeps these, so a write copies strings rather than
    // serializing the journal again, and a round is not held up by a large event (a frontier).
    private readonly List<string> lines = [];
    private int pushed;

    // A run resumed from its record: the rounds the record holds, and the check of their events
    // against its journal lines; none for a run started here.
    private int resumedRounds;
    private JournalReplay? replay;

    // The runs directory's reports: numbered from 1 by this activation, which started at this time.
    private long reports;
    private long started;

    // How many times this activation played the run again after a fault outside it.
    private int faults;

    private RunRecord Run => current ?? record.State;

    /// <summary>The run's events so far: told by the engine here, or kept in the record of a run played by an earlier activation.</summary>
    private IReadOnlyList<RunEvent> Journal => playing is null ? [.. Run.Journal.Select(RunEventSurrogate.Read)] : journal;

    /// <summary>
    /// A record found running has nobody playing it: the activation that did is gone (its silo died
    /// or stopped). This one goes on with the run by itself (DESIGN §5.3), from the record's request
    /// and journal, so whoever calls first (a watcher, a batch, the live page) wakes it.
    /// </summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (record.State is { Phase: RunPhase.Running, Request: { } request } interrupted)
        {
            Play(request, interrupted);
        }

        return Task.CompletedTask;
    }

    public async Task<RunStatus> StartAsync(RunRequest request)
    {
        // A run over, or under way here, is not started again.
        if (Run.IsOver || playing is not null)
        {
            return Status();
        }

        await KeepAsync(new RunRecord { Request = request, Phase = RunPhase.Running });
        Play(request, interrupted: null);
        return Status();
    }

    /// <summary>
    /// Rebuilds the run from <paramref name="request"/> and plays it. A run resumed from
    /// <paramref name="interrupted"/> is played again from its start, as <c>run --resume-from</c> does
    /// (<see cref="JournalReplay"/>): every event of the rounds the record holds is checked against its
    /// journal line, unpaced, and the run goes on from there; being deterministic (DESIGN §5.2), it
    /// ends as it would have undisturbed. Its rounds are pushed again under the same sequence numbers
    /// with the same content, so a watcher that heard some of them drops those (<see cref="RunProgressSequence"/>).
    /// </summary>
    private void Play(RunRequest request, RunRecord? interrupted) => Play(request, interrupted, TimeSpan.Zero);

    /// <summary>As <see cref="Play(RunRequest, RunRecord?)"/>, its first round after <paramref name="delay"/>.</summary>
    private void Play(RunRequest request, RunRecord? interrupted, TimeSpan delay)
    {
        var (scenarioKey, scenario) = scenarios.Parse(request.ScenarioText, request.ScenarioFile);
        var grains = new GrainRun(GrainFactory, this.GetPrimaryKeyString(), scenarioKey, request);
        var replayed = Math.Max(request.ReplayedRounds, interrupted?.CompletedRound ?? 0);
        var engine = new RunEngine(scenario, grains, grains) { Pace = request.Pace, ReplayedRounds = replayed };
        var standing = new RunStanding(scenario);
        playing = new Playing(scenario, engine, standing, new RunProgressLedger(standing), new RunLog(logger, this.GetPrimaryKeyString()));
        if (interrupted is { Journal.Count: > 0 })
        {
            // The record's lines are the journal's first lines once the replay has checked them.
            resumedRounds = interrupted.CompletedRound;
            replay = new JournalReplay(interrupted.Journal, () => static _ => { });
            lines.AddRange(interrupted.Journal);
            playing.Log.Resumed(interrupted.CompletedRound);
        }

        started = DateTime.UtcNow.Ticks;
        List();

        // The rounds run on a one-shot timer, not inside this call, so the caller gets control
        // back at once and watches the progress pushed to it. The timer interleaves with calls, so
        // a start or a release asked while the run plays is answered at once, not after the run:
        // a caller that waits on it a bounded time (the CLI) must not take a long run for a lost silo.
        runner = this.RegisterGrainTimer(PlayAsync, new GrainTimerCreationOptions
        {
            DueTime = delay,
            Period = Timeout.InfiniteTimeSpan,
            KeepAlive = true,
            Interleave = true,
        });
    }

    public Task<RunStatus> SubscribeAsync(IRunObserver observer)
    {
        // A run that has ended pushes nothing more: its status is all a new watcher will hear.
        if (!Run.IsOver)
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

    public async Task ReleaseAsync()
    {
        if (!Run.IsOver)
        {
            return;
        }

        // The grains this activation played the run with; an activation that found the run over
        // in its record made none.
        if (playing?.Scenario is { } scenario)
        {
            var id = this.GetPrimaryKeyString();
            await Task.WhenAll(
                scenario.Negotiations.Select(n => GrainFactory.GetGrain<INegotiationGrain>(RunIds.Negotiation(id, n.Id)).ReleaseAsync())
                    .Concat(scenario.Negotiations.SelectMany(n => n.Parties).Distinct(StringComparer.Ordinal)
                        .Select(party => GrainFactory.GetGrain<ICountryGrain>(RunIds.Country(id, party)).ReleaseAsync())));
        }

        this.DeactivateOnIdle();
    }

    public Task<RunStatus> GetStatusAsync() => Task.FromResult(Status());

    /// <summary>
    /// Where the run stands: from the engine while this activation plays it, else from the record
    /// (a run over counts its rounds played as its horizon).
    /// </summary>
    private RunStatus Status()
    {
        var engine = playing?.Engine;
        return new(
            this.GetPrimaryKeyString(),
            Run.Phase,
            engine?.Round ?? Run.CompletedRound,
            engine?.Horizon ?? Run.CompletedRound,
            Run.Phase == RunPhase.Running ? engine?.ActiveNegotiations ?? 0 : 0,
            Run.Failure);
    }

    public Task<RunOutcome?> GetOutcomeAsync() => Task.FromResult(Run.Outcome);

    public Task<string> GetScenarioTextAsync() =>
        Task.FromResult(Run.Request?.ScenarioText ?? throw new InvalidOperationException($"Run {this.GetPrimaryKeyString()} has not started."));

    /// <summary>The dashboard's view, from the fold of the run's events (DESIGN §5.4: tariffs, not level indices).</summary>
    public Task<RunState> GetState()
    {
        var status = Status();
        var standing = playing?.Standing ?? Folded();
        return Task.FromResult(new RunState(
            status.RunId,
            standing?.Scenario,
            Run.Request?.Seed ?? 0,
            RunPhases.Name(status.Phase),
            status.Round,
            status.MaxRounds,
            (standing?.Negotiations ?? []).Where(n => n.Status != NegotiationStatus.NotStarted || n.Concluded)
                .ToDictionary(n => n.Negotiation, n => NegotiationStatusNames.Name(n.Status)),
            [.. (standing?.TariffChanges ?? []).Select(ReadableText.Of)],
            [.. (standing?.QuotaChanges ?? []).Select(ReadableText.Of)],
            [.. standing?.EventsFired ?? []],
            status.Failure));
    }

    /// <summary>The events of a run an earlier activation played, folded again from its record; null for none.</summary>
    private RunStanding? Folded()
    {
        if (Run.Request is not { } request || Run.Journal.Count == 0)
        {
            return null;
        }

        var standing = new RunStanding(scenarios.Parse(request.ScenarioText, request.ScenarioFile).Scenario);
        foreach (var runEvent in Journal)
        {
            standing.Apply(runEvent);
        }

        return standing;
    }

    private async Task PlayAsync(CancellationToken cancellation)
    {
        var (scenario, engine, standing, _, log) = playing!;
        var request = Run.Request!;
        var timer = runner;
        RunRecord end;
        Exception? lostPart = null;
        try
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, stopping.Token, silo.ApplicationStopping);
            var result = await engine.RunAsync(
                RunStarted.For(scenario, request.ScenarioText, request.Seed),
                told =>
                {
                    // On the grain's own scheduler, as the engine tells it: the journal, the fold, the
                    // silo's log, then at a round's end the record and the watchers.
                    replay?.Tell(told);
                    journal.Add(told);
                    standing.Apply(told);
                    log.Tell(told);
                    if (told is RoundCompleted round)
                    {
                        RoundOver(round.Round);
                    }
                },
                stop.Token);
            end = Run with
            {
                Phase = RunPhase.Completed,
                CompletedRound = result.RoundsPlayed,
                Outcome = RunOutcomes.Assemble(scenario, journal, request.ScenarioFile),
            };
        }
        catch (Exception) when (Leaving(cancellation))
        {
            // Nobody cancelled the run and it did not fail: its silo is stopping, or this activation
            // is going, so it stopped between rounds, or a call failed as the silo shut down. The
            // record stays as the last round left it, and the activation that follows (on a survivor)
            // goes on with the run; its watchers follow it there.
            return;
        }
        catch (Exception error) when (IsLostPart(error) && faults < s_playAgainAfter.Length)
        {
            lostPart = error;
            end = Run;
        }
        catch (OperationCanceledException)
        {
            end = Run with { Phase = RunPhase.Cancelled, Failure = "cancelled" };
        }
        catch (Exception error)
        {
            end = Run with { Phase = RunPhase.Failed, Failure = error.Message };
            log.Failed(error, engine.Round);
        }
        finally
        {
            timer?.Dispose();
        }

        if (lostPart is not null)
        {
            if (await PlayAgainAsync(lostPart))
            {
                return;
            }

            end = Run with { Phase = RunPhase.Failed, Failure = lostPart.Message };
            log.Failed(lostPart, engine.Round);
        }

        if (end.Phase == RunPhase.Completed)
        {
            // Kept before anyone hears of the end (a command that hears it may stop its silo at
            // once); until then the run answers as still running, as its watchers were last told.
            await WriteAsync(end);
        }

        current = end;
        Push();
        List();
        watchers.Clear();
        if (end.Phase == RunPhase.Completed)
        {
            return;
        }

        // A run that failed or was cancelled is not kept: a later activation plays the same run id
        // afresh (a failure from outside the run, such as a fault, may not recur). This activation
        // still answers with how it ended; a cancelled one goes as soon as it is idle.
        await saving;
        await record.ClearStateAsync();
        if (end.Phase == RunPhase.Cancelled)
        {
            this.DeactivateOnIdle();
        }
    }

    /// <summary>
    /// How long a run that lost a part waits before each new play from its record: time for the
    /// cluster to declare the silo that went dead (Simulation.Grains.Hosting.FailureDetection: about
    /// 15 s at worst), after which its grains are made anew on a survivor. About 45 s in all; a run
    /// still losing parts after that has no silo left to play them, and fails.
    /// </summary>
    private static readonly TimeSpan[] s_playAgainAfter =
        [.. new[] { 1, 2, 4, 8, 8, 8, 8, 8 }.Select(seconds => TimeSpan.FromSeconds(seconds))];

    /// <summary>
    /// Whether <paramref name="error"/> is a fault outside the run, not its failure: a call to one of
    /// its grains went unanswered or was refused by the runtime (its silo died, or is stopping), or
    /// found a grain made anew that holds nothing of the run (<see cref="RunPartLostException"/>).
    /// The run's own failures reach here as the exceptions the model threw, none of these.
    /// </summary>
    private static bool IsLostPart(Exception error) => error switch
    {
        RunPartLostException or OrleansException or TimeoutException => true,
        AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(IsLostPart),
        _ => false,
    };

    /// <summary>
    /// Plays the run again from its record after a part of it went with a silo (<see cref="IsLostPart"/>):
    /// as an activation on a survivor resumes a run whose run grain went, this one replays the rounds
    /// the record holds, opening every table and joining every party afresh, checks them against its
    /// journal, and goes on. Its watchers stay: the rounds pushed again carry the numbers they heard,
    /// and are dropped. False if the record could not be kept (the store failed too).
    /// </summary>
    private async Task<bool> PlayAgainAsync(Exception fault)
    {
        try
        {
            await saving;
        }
        catch (Exception)
        {
            // The record's last write failed: there is nothing sure to play again from.
            return false;
        }

        var kept = record.State;
        var delay = s_playAgainAfter[faults++];
        playing!.Log.PlayingAgain(fault, playing.Engine.Round, kept.CompletedRound, delay);
        journal.Clear();
        lines.Clear();
        pushed = 0;
        replay = null;
        resumedRounds = 0;
        current = kept;
        Play(kept.Request!, kept, delay);
        return true;
    }

    /// <summary>Whether this activation is going while the run is under way, with nobody having cancelled the run.</summary>
    private bool Leaving(CancellationToken timer) =>
        !stopping.IsCancellationRequested && (timer.IsCancellationRequested || silo.ApplicationStopping.IsCancellationRequested);

    /// <summary>
    /// A round is over: the record says so (written without holding up the next round), and the
    /// watchers and, for a paced run a person may be watching, the runs directory hear of it.
    /// </summary>
    private void RoundOver(int round)
    {
        Push();
        if (round <= resumedRounds || silo.ApplicationStopping.IsCancellationRequested)
        {
            // Played again only to rebuild the run, the record holds this round already; or the silo
            // is stopping, and the record is left to the activation that goes on with the run.
            return;
        }

        _ = KeepAsync(Run with { CompletedRound = round });
        if (Run.Request?.Pace > TimeSpan.Zero)
        {
            List();
        }
    }

    /// <summary>
    /// Makes <paramref name="next"/> the record and writes it once the write under way is done
    /// (writes of one grain must not overlap). A record overtaken by a later one before its turn
    /// came is not written: the later one is, so under load rounds are skipped, never reordered.
    /// </summary>
    private Task KeepAsync(RunRecord next)
    {
        current = next;
        saving = WriteAfterAsync(saving, next, journal.Count);
        return saving;
    }

    /// <summary>Writes <paramref name="next"/> after the writes under way, whatever the record is by then.</summary>
    private Task WriteAsync(RunRecord next)
    {
        saving = WriteAfterAsync(saving, next, journal.Count, always: true);
        return saving;
    }

    /// <param name="events">How many of the journal's events the record holds: those told when it was made.</param>
    private async Task WriteAfterAsync(Task previous, RunRecord next, int events, bool always = false)
    {
        await previous;
        if (always || ReferenceEquals(next, current))
        {
            // Nobody sets the stored state but this, one write at a time: storage may read it late.
            if (events > lines.Count)
            {
                var unwritten = journal.GetRange(lines.Count, events - lines.Count);
                lines.AddRange(await Task.Run(() => unwritten.Select(RunJournal.Line).ToList()));
            }

            record.State = next with { Journal = lines[..events] };
            await record.WriteStateAsync();
        }
    }

    /// <summary>
    /// Tells the runs directory where the run stands: at the start, at the end, and after every
    /// round of a paced run, which a person may be watching. One-way, so a run never waits on it.
    /// </summary>
    private void List()
    {
        var listing = new RunListing(this.GetPrimaryKeyString(), playing?.Scenario.Name ?? "", Run.Request?.ScenarioFile ?? "", Run.Request?.Seed ?? 0, Status(), started, ++reports);
        _ = RunDirectory.Of(GrainFactory).ReportAsync(listing);
    }

    /// <summary>Pushes where the run stands, and what changed since the previous push, to every watcher.</summary>
    private void Push()
    {
        var update = playing!.Told.Next(Status()) with { Events = journal[pushed..], EventsBefore = pushed };
        pushed = journal.Count;
        // One-way calls: this returns as soon as the pushes are sent; a watcher that cannot be reached is dropped.
        watchers.Notify(watcher => _ = watcher.OnProgress(update));
    }

    public Task<RunProgressUpdate> GetProgressAsync() =>
        Task.FromResult(playing is null
            ? new RunProgressUpdate(0, Status(), Run.Outcome?.Scenario.Name ?? "", [], [], []) { Events = Journal }
            : playing.Told.Snapshot(Status()) with { Events = journal[..pushed] });

    public Task<IReadOnlyList<RunEvent>> GetEventsAsync(long after) =>
        Task.FromResult<IReadOnlyList<RunEvent>>([.. Journal.Skip((int)Math.Clamp(after, 0, int.MaxValue))]);

    /// <summary>The run as an activation plays it: all of it rebuilt from the record's request.</summary>
    private sealed record Playing(Scenario Scenario, RunEngine Engine, RunStanding Standing, RunProgressLedger Told, RunLog Log);
}
