using System.Diagnostics;
using System.Globalization;
using Simulation.Client.Cluster;
using Simulation.Client.Hosting;
using Simulation.Client.Output;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Experiments;
using Spectre.Console;

namespace Simulation.Client.Batch;

/// <summary>
/// Plays a batch's runs into its directory (<see cref="BatchOutput"/>), several at once, skipping
/// those already done when resuming; then writes <c>summary.json</c> and prints the summary table.
/// A failed run is tried once more (a run is deterministic, so this only helps against a fault
/// outside it), then written as a failed row and counted in the exit code. Two things are no run's
/// failure, and stop the batch as Ctrl-C does, writing no row for the runs it could not finish so that
/// <c>--resume</c> plays them: a silo that stopped answering (<see cref="SiloLostException"/>), and a
/// file that cannot be written (<see cref="BatchWriteException"/>).
/// </summary>
internal static class BatchRunner
{
    public static async Task<int> RunAsync(ExperimentPlan plan, BatchOutput output, IRunHost host, BatchAnalyses analyses, int parallel, CancellationToken cancellation)
    {
        var document = plan.Document;
        var variants = $"{plan.Variants.Count} variant{(plan.Variants.Count == 1 ? "" : "s")} × {plan.Experiment.Runs}";
        var earlier = output.Done.Count;
        var resumed = earlier > 0 ? $" ({earlier} already there, resumed)" : "";
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"batch of {plan.RunCount} runs ({variants}) of {document.FileName}, {parallel} at once on the {host.Engine} engine; rows to {TerminalText.Safe(output.RunsPath)}{resumed}{analyses.Announcement}"));
        var clock = Stopwatch.StartNew();
        var done = 0;
        var failed = 0;
        // A lost silo stops the batch as Ctrl-C does: its unfinished runs get no row, for --resume.
        SiloLostException? lost = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var written = 0;
        try
        {
            await BatchProgress.RunAsync(plan.RunCount, earlier, finished => Parallel.ForEachAsync(
                plan.Runs().Select(run => (Run: run, Id: RunId(plan, run.Settings, run.Seed))).Where(r => !output.Done.Contains(r.Id)),
                new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = stop.Token },
                async (planned, token) =>
                {
                    string? error;
                    try
                    {
                        error = await PlayAsync(plan, planned.Run, planned.Id, host, output, analyses, token);
                        if (error is not null)
                        {
                            error = await PlayAsync(plan, planned.Run, planned.Id, host, output, analyses, token);
                        }
                    }
                    catch (SiloLostException silo)
                    {
                        Interlocked.CompareExchange(ref lost, silo, null);
                        await stop.CancelAsync();
                        return;
                    }

                    if (error is not null)
                    {
                        output.Failed(planned.Id, planned.Run, error);
                        analyses.Failed(planned.Id, error);
                        Interlocked.Increment(ref failed);
                    }

                    Interlocked.Increment(ref done);
                    Interlocked.Increment(ref written);
                    finished();
                }));
        }
        catch (Exception) when (output.WriteFailure is { } failure)
        {
            // Not the runs' fault: none is marked failed, and --resume plays those not written.
            Reports.Error($"{failure.Message}. The batch stopped with {output.Done.Count + Volatile.Read(ref written)} of {plan.RunCount} runs written " +
                $"and none marked failed for it; once the cause is fixed (free some space), run the same command with --resume to play the {plan.RunCount - output.Done.Count - Volatile.Read(ref written)} others");
            return TradeSimApp.Failed;
        }
        catch (OperationCanceledException) when (lost is not null && !cancellation.IsCancellationRequested)
        {
            Reports.Error($"{lost.Message}; stopped after {done} of {plan.RunCount - earlier} runs; {TerminalText.Safe(output.Directory)} holds the runs that finished (--resume adds the others once the silo is back)");
            return TradeSimApp.Failed;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Reports.Error($"cancelled after {done} of {plan.RunCount - earlier} runs; {TerminalText.Safe(output.Directory)} holds the runs that finished (--resume adds the others)");
            return TradeSimApp.Failed;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        // The sensitivity study's tornado runs and the charts come after the batch's own runs.
        var analysesFailed = await analyses.FinishAsync(plan, host, failed, parallel, cancellation);
        var summary = BatchSummary.Read(output.RunsPath);
        try
        {
            summary.WriteJson(output.Directory, plan);
        }
        catch (IOException error)
        {
            Reports.Error($"cannot write {TerminalText.Safe(Path.Combine(output.Directory, BatchSummary.FileName))}: {error.Message}. Every run is in {TerminalText.Safe(output.RunsPath)}; once the cause is fixed, run the same command with --resume to write the summary");
            return TradeSimApp.Failed;
        }

        AnsiConsole.Console.Write(summary.ToTable(plan));
        // The failed runs of earlier sessions count too: they are in the summary and in the exit code.
        var failedBefore = summary.Failed - failed;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{done} runs ({variants}{(earlier > 0 ? $", {earlier} done before" : "")}) in {seconds:0.0} s ({done / Math.Max(seconds, 1e-9):0.#} runs/s), {failed} failed{(failedBefore > 0 ? $" ({failedBefore} more failed before; --resume --retry-failed plays them again)" : "")}; rows in {TerminalText.Safe(output.RunsPath)}, summary in {TerminalText.Safe(Path.Combine(output.Directory, BatchSummary.FileName))}"));
        return summary.Failed == 0 && analysesFailed == 0 ? TradeSimApp.Done : TradeSimApp.Failed;
    }

    /// <summary>Plays one run and appends its rows; returns why it failed, or null.</summary>
    private static async Task<string?> PlayAsync(ExperimentPlan plan, PlannedRun run, string runId, IRunHost host, BatchOutput output, BatchAnalyses analyses, CancellationToken token)
    {
        try
        {
            var outcome = await host.PlayAsync(Order(plan, run.Settings, run.Seed, runId), null, null, token);
            output.Completed(runId, run, outcome);
            analyses.Completed(run, runId, outcome);
            // Its rows are written: its grains may go, so a long batch does not fill the silos.
            await host.ReleaseAsync(runId, token);
            return null;
        }
        catch (Exception error) when (error is not (OperationCanceledException or SiloLostException or BatchWriteException))
        {
            return error.Message.ReplaceLineEndings(" ");
        }
    }

    /// <summary>The id of the run of <paramref name="plan"/>'s scenario with <paramref name="settings"/> put in and <paramref name="seed"/>: its content, seed and values.</summary>
    public static string RunId(ExperimentPlan plan, IReadOnlyList<ScenarioSetting> settings, long seed) =>
        RunIds.For(plan.Document.Text, seed, string.Join(";", settings));

    /// <summary>
    /// A run of the batch for its host: the scenario's text with the run's values put in
    /// (<see cref="ScenarioDocument.TextWith"/>), which a silo parses, and the scenario those values
    /// make, which a host in this process plays without parsing the text again.
    /// </summary>
    /// <exception cref="Model.Input.InvalidInputException">The values do not make a valid scenario.</exception>
    public static RunOrder Order(ExperimentPlan plan, IReadOnlyList<ScenarioSetting> settings, long seed, string runId)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new RunOrder(runId, plan.Document.TextWith(settings), Path.GetFileName(plan.Document.FileName), seed)
        {
            Parsed = plan.Document.Load(settings),
        };
    }
}
