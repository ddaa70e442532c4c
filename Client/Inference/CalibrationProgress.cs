using System.Globalization;
using Simulation.Client.Output;
using Simulation.Model.Inference;
using Spectre.Console;

namespace Simulation.Client.Inference;

/// <summary>
/// A calibration's progress on stderr (DESIGN §6.5): generation, proposals, particles accepted of N
/// and the tolerance, as a Spectre progress bar when stderr is a terminal; in a log or a pipe, one
/// line per finished generation instead.
/// </summary>
internal static class CalibrationProgress
{
    public static async Task<T> RunAsync<T>(int particles, int generations, Func<IProgress<AbcProgress>, Action<AbcGeneration>, Task<T>> work)
    {
        if (Console.IsErrorRedirected)
        {
            return await work(new Progress(_ => { }), g => Console.Error.WriteLine(Finished(g)));
        }

        var result = default(T)!;
        await Reports.Stderr.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("generation 0", maxValue: particles);
                var gate = new Lock();
                result = await work(new Progress(p =>
                {
                    lock (gate)
                    {
                        task.Value = p.Accepted;
                        task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                            $"generation {p.Generation}/{generations - 1}: {p.Proposals} proposals, {p.Accepted}/{particles} accepted, ε {Tolerance(p.Tolerance)}"));
                    }
                }), _ => { });
            });
        return result;
    }

    private static string Finished(AbcGeneration g) => string.Create(CultureInfo.InvariantCulture,
        $"generation {g.Index}: ε {Tolerance(g.Tolerance)}, {g.Proposals} proposals, {g.Accepted} accepted ({g.AcceptanceRate:0.#%}), effective sample size {g.EffectiveSampleSize:0}");

    private static string Tolerance(double? tolerance) => tolerance?.ToString("0.####", CultureInfo.InvariantCulture) ?? "∞";

    // Reports synchronously on the caller's thread, unlike System.Progress, so no report outlives the work.
    private sealed class Progress(Action<AbcProgress> report) : IProgress<AbcProgress>
    {
        public void Report(AbcProgress value) => report(value);
    }
}
