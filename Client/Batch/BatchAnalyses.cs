using Simulation.Client.Hosting;
using Simulation.Model.Reporting;
using Simulation.Model.Experiments;

namespace Simulation.Client.Batch;

/// <summary>
/// What a batch does beside writing runs.csv: the sensitivity analysis (<c>--sensitivity</c>) and
/// the charts (<c>--plots</c>). Both are set up, and their options checked, before the first run;
/// each completed run is shown to them; they write their files once the batch has run.
/// </summary>
internal sealed class BatchAnalyses
{
    private readonly SensitivityStudy? _sensitivity;
    private readonly BatchPlots? _plots;
    private readonly string _directory;

    private BatchAnalyses(SensitivityStudy? sensitivity, BatchPlots? plots, string directory)
    {
        _sensitivity = sensitivity;
        _plots = plots;
        _directory = directory;
    }

    /// <summary>What the analyses will add after the batch's own runs, for the line that starts it ("" when nothing).</summary>
    public string Announcement => _sensitivity is null ? "" : $"; then {_sensitivity.TornadoRuns} tornado runs";

    /// <summary>
    /// Checks the options against <paramref name="plan"/> (the tornado's runs are loaded too), writing nothing.
    /// </summary>
    /// <exception cref="Commands.UsageException">--measure or --plot-run names nothing in this batch.</exception>
    /// <exception cref="Model.Input.InvalidInputException">A tornado run's scenario is invalid.</exception>
    public static BatchAnalyses Create(ExperimentPlan plan, SensitivityDesign? design, string? measure, bool plots, string? plotRun, string directory)
    {
        ArgumentNullException.ThrowIfNull(plan);
        SensitivityStudy? sensitivity = null;
        if (design is not null)
        {
            design.Validate(plan.Document);
            sensitivity = SensitivityStudy.Create(design, plan.Document.Load([]), measure);
        }

        return new BatchAnalyses(sensitivity, plots ? BatchPlots.Create(plan, directory, plotRun) : null, directory);
    }

    /// <summary>The files and folders the analyses write into the batch's directory, which must not be there before.</summary>
    public IEnumerable<string> Files =>
        (_sensitivity is null ? [] : new[] { SensitivityStudy.CsvFileName, SensitivityStudy.JsonFileName })
            .Concat(_plots is null ? [] : [BatchPlots.DirectoryName]);

    /// <summary>Tells the analyses a run failed (called from several runs at once).</summary>
    public void Failed(string runId, string error) => _plots?.Failed(runId, error);

    /// <summary>Shows a completed run to the analyses (called from several runs at once).</summary>
    public void Completed(PlannedRun run, string runId, RunOutcome outcome)
    {
        _sensitivity?.Completed(run, outcome);
        _plots?.Completed(run, runId, outcome);
    }

    /// <summary>Runs the tornado, writes the files and charts; returns the runs of its own that failed.</summary>
    public async Task<int> FinishAsync(ExperimentPlan plan, IRunHost host, int failedRuns, int parallel, CancellationToken cancellation)
    {
        var failed = 0;
        if (_sensitivity is not null)
        {
            failed = await _sensitivity.FinishAsync(plan, host, failedRuns, parallel, _directory, _plots?.Directory, cancellation);
        }

        if (_plots is not null)
        {
            _plots.Write(Console.Error);
            Console.Error.WriteLine($"{Directory.GetFiles(_plots.Directory, "*.png").Length} charts in {_plots.Directory}");
        }

        return failed;
    }
}
