using Simulation.Grains.Abstractions.Runs;
using Spectre.Console;

namespace Simulation.Client.Output;

/// <summary>
/// What <c>run</c> shows on stderr while a run plays, from the progress its host reports after every
/// round (<see cref="Hosting.IRunHost"/>):
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
