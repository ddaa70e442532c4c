using Simulation.Client.Cluster;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Runs;
using Spectre.Console;

namespace Simulation.Client.Output;

/// <summary>A run's rounds as a progress bar on stderr: pushed by a run grain, or reported by the in-process engine.</summary>
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

    /// <summary>
    /// Plays a run on a run grain, showing the progress it pushes after every round
    /// (<see cref="RunWatch"/>), and returns its final status.
    /// </summary>
    public static async Task<RunStatus> WatchAsync(IGrainFactory grains, IRunGrain run, RunRequest request, string name, CancellationToken cancellation)
    {
        using var watch = await RunWatch.StartAsync(grains, run, request, cancellation);
        var status = watch.Started;
        await Reports.Stderr.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(TerminalText.Markup(name), maxValue: Math.Max(1, status.MaxRounds));
                status = await watch.EndAsync(
                    update =>
                    {
                        task.Value = Math.Min(update.Status.Round, task.MaxValue);
                        task.Description = TerminalText.Markup($"{name}: round {update.Status.Round}, {update.Status.ActiveNegotiations} negotiating");
                    },
                    cancellation);
                task.Value = task.MaxValue;
            });
        return status;
    }
}
