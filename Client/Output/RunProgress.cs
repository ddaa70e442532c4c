using Simulation.Grains.Abstractions.Runs;
using Spectre.Console;

namespace Simulation.Client.Output;

/// <summary>Polls a run until it ends, showing its rounds as a progress bar on stderr.</summary>
public static class RunProgress
{
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
