using Simulation.Client.Output;
using Spectre.Console;

namespace Simulation.Client.Bench;

/// <summary>
/// The bench's progress on stderr (DESIGN §6.5): one bar per part, redrawn in place. Only when
/// stderr is a terminal: in a log or a pipe a redrawn bar is noise.
/// </summary>
internal static class BenchProgress
{
    /// <summary>Runs the parts in order, each given an action that reports the fraction of it done.</summary>
    public static async Task RunAsync(IReadOnlyList<(string Name, Func<Action<double>, Task> Work)> parts)
    {
        if (Console.IsErrorRedirected)
        {
            foreach (var (_, work) in parts)
            {
                await work(_ => { });
            }

            return;
        }

        await Reports.Stderr.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var tasks = parts.Select(p => context.AddTask(Markup.Escape(p.Name), autoStart: false, maxValue: 1)).ToList();
                for (var i = 0; i < parts.Count; i++)
                {
                    var task = tasks[i];
                    task.StartTask();
                    await parts[i].Work(fraction => task.Value = Math.Clamp(fraction, 0, 1));
                    task.Value = 1;
                    task.StopTask();
                }
            });
    }
}
