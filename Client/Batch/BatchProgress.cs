using System.Globalization;
using Simulation.Client.Output;
using Spectre.Console;

namespace Simulation.Client.Batch;

/// <summary>
/// A batch's progress on stderr (DESIGN §6.5): runs done of the total, the rate and the time left,
/// as a Spectre progress bar redrawn in place. Only when stderr is a terminal: in a log or a pipe a
/// redrawn bar is noise, so there the batch prints its final line alone.
/// </summary>
internal static class BatchProgress
{
    /// <summary>
    /// Runs <paramref name="work"/>, which calls the action it is given once per run finished.
    /// <paramref name="earlier"/> runs (done before a resume) count as done from the start, but not in the rate.
    /// </summary>
    public static async Task RunAsync(long total, long earlier, Func<Action, Task> work)
    {
        if (Console.IsErrorRedirected)
        {
            await work(() => { });
            return;
        }

        await Reports.Stderr.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Describe(earlier, total, null), maxValue: Math.Max(1, total - earlier));
                var done = earlier;
                var gate = new Lock();
                await work(() =>
                {
                    lock (gate)
                    {
                        done++;
                        task.Increment(1);
                        task.Description = Describe(done, total, task.Speed);
                    }
                });
            });
    }

    private static string Describe(long done, long total, double? rate) =>
        string.Create(CultureInfo.InvariantCulture, $"{done}/{total} runs{(rate is { } r ? $", {r:0.#} runs/s" : "")}");
}
