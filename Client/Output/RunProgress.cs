using Simulation.Client.Cluster;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Grains.Runs;
using Simulation.Model.Runs;
using Simulation.Model.Runs.Journal;
using Simulation.Model.Scenarios;
using Spectre.Console;

namespace Simulation.Client.Output;

/// <summary>
/// What <c>run</c> shows on stderr while a run plays, from the progress it reports after every round
/// (pushed by a run grain, or made from the in-process engine by the same <see cref="RunProgressLedger"/>):
/// on a terminal a progress bar, or with <c>--watch</c> a live table (<see cref="RunBoardTable"/>);
/// elsewhere (a log, a pipe) plain text with no escape codes: a line per round, or with
/// <c>--watch</c> a block per round (<see cref="RunBoard.Lines"/>). Spectre's own fallback for a
/// progress bar off a terminal would repeat an unchanged line while a paced run waits.
/// </summary>
public static class RunProgress
{
    /// <summary>
    /// Plays a run with <paramref name="play"/>, which hands every update, in order and once, to the
    /// action it is given (second argument: whether the update is a snapshot of everything so far).
    /// </summary>
    public static async Task<T> ShowAsync<T>(string name, bool watch, bool paced, Func<Action<RunProgressUpdate, bool>, Task<T>> play)
    {
        ArgumentNullException.ThrowIfNull(play);
        var terminal = Reports.Stderr.Profile.Capabilities.Interactive;
        return (watch, terminal) switch
        {
            (true, true) => await LiveAsync(name, play),
            (true, false) => await play(Blocks(name)),
            (false, true) => await BarAsync(name, play),
            (false, false) => await play(Lines(name, everyRound: paced)),
        };
    }

    /// <summary>
    /// Plays a run on a run grain, showing the progress it pushes after every round
    /// (<see cref="RunWatch"/>), and returns its final status.
    /// </summary>
    public static async Task<RunStatus> WatchAsync(
        ClusterConnection cluster, IRunGrain run, RunRequest request, Scenario scenario, bool watch, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(scenario);
        using var grainWatch = await RunWatch.StartAsync(cluster.Client, run, request, cluster.Silo, cancellation);
        return await ShowAsync(scenario.Name, watch, request.Pace > TimeSpan.Zero, show => grainWatch.EndAsync(show, cancellation));
    }

    /// <summary>
    /// Plays a run in this process, showing the same progress a run grain would push: the engine's
    /// state after every round, turned into updates by the run grain's own converter. Every event is
    /// also told to <paramref name="listener"/> (a journal); the first <paramref name="replayedRounds"/>
    /// rounds are played again from a journal, without the pace's wait. Returns the run's events.
    /// </summary>
    public static Task<IReadOnlyList<RunEvent>> PlayLocalAsync(
        Scenario scenario, RunStarted started, string runId, TimeSpan pace, bool watch, Action<RunEvent>? listener, int replayedRounds, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(started);
        // The in-process engine does not yield; it runs on the pool so Ctrl+C still ends the wait at once.
        return ShowAsync(scenario.Name, watch, pace > TimeSpan.Zero, show => Task.Run(
            async () =>
            {
                var local = new InProcessRun(scenario, started.Seed);
                var engine = new RunEngine(scenario, local, local) { Pace = pace, ReplayedRounds = replayedRounds };
                var told = new RunProgressLedger(scenario, engine);
                RunStatus Status(RunPhase phase) =>
                    new(runId, phase, engine.Round, engine.Horizon, phase == RunPhase.Running ? engine.ActiveNegotiations : 0, null);

                var events = new List<RunEvent>();
                await engine.RunAsync(
                    started,
                    runEvent =>
                    {
                        events.Add(runEvent);
                        listener?.Invoke(runEvent);
                        // Shown on the engine's own thread, after the round and before the next.
                        if (runEvent is RoundCompleted)
                        {
                            show(told.Next(Status(RunPhase.Running)), false);
                        }
                    },
                    cancellation);
                show(told.Next(Status(RunPhase.Completed)), false);
                return (IReadOnlyList<RunEvent>)events;
            },
            cancellation).WaitAsync(cancellation));
    }

    private static async Task<T> BarAsync<T>(string name, Func<Action<RunProgressUpdate, bool>, Task<T>> play)
    {
        var result = default(T);
        await Reports.Stderr.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(TerminalText.Markup(name), maxValue: 1);
                result = await play((update, _) =>
                {
                    // The bar's end is the run's horizon, which moves as tables open and end.
                    task.MaxValue = Math.Max(1, update.Status.MaxRounds);
                    task.Value = Math.Min(update.Status.Round, task.MaxValue);
                    task.Description = TerminalText.Markup($"{name}: round {update.Status.Round}, {update.Status.ActiveNegotiations} negotiating");
                });
                task.Value = task.MaxValue;
            });
        return result!;
    }

    /// <summary>
    /// Off a terminal: a line when a round has been played ("NAME: round 3 of 30, 2 negotiating"),
    /// none for the end. A paced run, which someone is following, gets every round; an unpaced one
    /// the first round and then one line each time it passes another hundredth of its horizon, so a
    /// log of a run of 100 000 rounds holds about a hundred lines, the same ones every time.
    /// </summary>
    private static Action<RunProgressUpdate, bool> Lines(string name, bool everyRound)
    {
        var printed = 0;
        return (update, _) =>
        {
            var status = update.Status;
            if (status.Phase != RunPhase.Running || status.Round <= printed)
            {
                return;
            }

            var horizon = Math.Max(1, status.MaxRounds);
            if (everyRound || printed == 0 || Percent(status.Round, horizon) > Percent(printed, horizon))
            {
                printed = status.Round;
                Console.Error.WriteLine(TerminalText.Safe($"{name}: round {status.Round} of {status.MaxRounds}, {status.ActiveNegotiations} negotiating"));
            }
        };
    }

    private static long Percent(int round, int horizon) => 100L * round / horizon;

    /// <summary><c>--watch</c> off a terminal: the board as a block of plain lines per update.</summary>
    private static Action<RunProgressUpdate, bool> Blocks(string name)
    {
        var board = new RunBoard(name);
        return (update, snapshot) =>
        {
            board.Apply(update, snapshot);
            // One write per block, so the block is not torn by another line.
            Console.Error.Write(string.Concat(board.Lines(snapshot ? board.Events : update.EventsFired).Select(line => line + Environment.NewLine)));
        };
    }

    /// <summary><c>--watch</c> on a terminal: the board redrawn in place after every update.</summary>
    private static async Task<T> LiveAsync<T>(string name, Func<Action<RunProgressUpdate, bool>, Task<T>> play)
    {
        var board = new RunBoard(name);
        var result = default(T);
        await Reports.Stderr.Live(RunBoardTable.Render(board))
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .StartAsync(async live =>
            {
                result = await play((update, snapshot) =>
                {
                    lock (board)
                    {
                        board.Apply(update, snapshot);
                        live.UpdateTarget(RunBoardTable.Render(board));
                        live.Refresh();
                    }
                });
            });
        return result!;
    }
}
