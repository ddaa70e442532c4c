using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Runs;
using Spectre.Console;

namespace Simulation.Client.Output;

/// <summary>A run's rounds as a progress bar on stderr: polled from a run grain, or reported by the in-process engine.</summary>
public static class RunProgress
{
    /// <summary>Plays a run in this process, showing the clock the engine reports after every round.</summary>
    public static async Task<T> ShowAsync<T>(string name, int maxRounds, Func<IProgress<RunClock>, Task<T>> play)
    {
        var result = default(T);
        await Reports.Stderr.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(TerminalText.Markup(name), maxValue: Math.Max(1, maxRounds));
                result = await play(new ClockReport(clock =>
                {
                    task.Value = Math.Min(clock.Round, task.MaxValue);
                    task.Description = TerminalText.Markup($"{name}: round {clock.Round}, {clock.ActiveNegotiations} negotiating");
                }));
                task.Value = task.MaxValue;
            });
        return result!;
    }

    /// <summary>Reports on the engine's own thread, unlike <see cref="Progress{T}"/>, which would post after the run has moved on.</summary>
    private sealed class ClockReport(Action<RunClock> report) : IProgress<RunClock>
    {
        public void Report(RunClock value) => report(value);
    }

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<RunStatus> WatchAsync(IRunGrain run, string name, CancellationToken cancellation)
    {
        RunStatus status = await run.GetStatusAsync().WaitAsync(cancellation);
        await Reports.Stderr.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(TerminalText.Markup(name), maxValue: Math.Max(1, status.MaxRounds));
                while (status.Phase is RunPhase.Running or RunPhase.NotStarted)
                {
                    await Task.Delay(PollInterval, cancellation);
                    status = await run.GetStatusAsync().WaitAsync(cancellation);
                    task.Value = Math.Min(status.Round, task.MaxValue);
                    task.Description = TerminalText.Markup($"{name}: round {status.Round}, {status.ActiveNegotiations} negotiating");
                }

                task.Value = task.MaxValue;
            });
        return status;
    }
}
