using System.Globalization;
using System.Text;
using Simulation.Client.Commands;
using Simulation.Client.Hosting;
using Simulation.Client.Output;
using Simulation.Client.Plots;
using Simulation.Model.Reporting;
using Simulation.Model.Experiments;
using Simulation.Model.Runs;
using Simulation.Model.Scenarios;
using Simulation.Model.Statistics;
using Spectre.Console;

namespace Simulation.Client.Batch;

/// <summary>
/// The analysis of <c>batch --sensitivity</c>: it keeps each completed run's inputs and measures
/// (a few numbers per run, so memory grows by a few hundred bytes a run), then plays the tornado's
/// one-at-a-time runs with the batch seed, writes DIR/sensitivity.csv and DIR/sensitivity.json and
/// prints the ranges, the strongest correlations and the widest swings.
/// </summary>
internal sealed class SensitivityStudy
{
    public const string CsvFileName = "sensitivity.csv";
    public const string JsonFileName = "sensitivity.json";
    public const string TornadoFileName = "tornado.png";

    /// <summary>Rows of the printed tables of correlations and swings.</summary>
    private const int Shown = 10;

    /// <summary>Bars of the tornado chart, the widest swings: beyond about 20 the labels no longer fit a chart's height (sensitivity.json holds every bar).</summary>
    public const int ChartedBars = 20;

    private readonly SensitivityDesign _design;
    private readonly OutcomeMeasures _measures;
    private readonly int _tornadoMeasure;
    private readonly List<SensitivitySample> _samples = [];
    private readonly Lock _gate = new();

    private SensitivityStudy(SensitivityDesign design, OutcomeMeasures measures, int tornadoMeasure)
    {
        _design = design;
        _measures = measures;
        _tornadoMeasure = tornadoMeasure;
    }

    public string TornadoMeasure => _measures.Names[_tornadoMeasure];

    /// <summary>How many runs the tornado plays after the batch: the scenario as written and each estimate at both ends.</summary>
    public int TornadoRuns => _design.OneAtATime.Count + 1;

    /// <summary>The study of <paramref name="design"/>; <paramref name="measure"/> (<c>--measure</c>) names the tornado's measure, null for the default.</summary>
    /// <exception cref="UsageException">No measure has that name.</exception>
    public static SensitivityStudy Create(SensitivityDesign design, Scenario scenario, string? measure)
    {
        ArgumentNullException.ThrowIfNull(design);
        var measures = OutcomeMeasures.For(scenario);
        if (measures.Names.Count == 0)
        {
            throw new UsageException($"{SensitivityDesign.Option}: the scenario has no negotiation and no country, so no outcome to measure");
        }

        var name = measure ?? measures.Default;
        var index = measures.Names.ToList().IndexOf(name);
        if (index < 0)
        {
            throw new UsageException($"--measure '{measure}': not a measure of this scenario; one of {string.Join(", ", measures.Names)}");
        }

        return new SensitivityStudy(design, measures, index);
    }

    /// <summary>Keeps the inputs and measures of a completed run (called from several runs at once).</summary>
    public void Completed(PlannedRun run, RunOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(run);
        var inputs = _design.Inputs.Select(path =>
            double.Parse(run.Settings.Last(s => s.Path.Text == path).Value, NumberStyles.Float, CultureInfo.InvariantCulture)).ToList();
        var sample = new SensitivitySample(run.Replicate, inputs, _measures.Of(outcome));
        lock (_gate)
        {
            _samples.Add(sample);
        }
    }

    /// <summary>
    /// Plays the tornado's runs (the scenario as written, then each estimate at each end), writes the
    /// files and prints the tables; returns how many tornado runs failed (each reported on stderr).
    /// </summary>
    public async Task<int> FinishAsync(ExperimentPlan plan, IRunHost host, int failedRuns, int parallel, string directory, string? plotsDirectory, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var seed = plan.ReplicateSeed(1);
        var oneAtATime = _design.OneAtATime;
        var settings = new List<IReadOnlyList<ScenarioSetting>> { Array.Empty<ScenarioSetting>() };
        settings.AddRange(oneAtATime.Select(r => (IReadOnlyList<ScenarioSetting>)[r.Setting]));
        var values = new double?[settings.Count];
        var failed = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, settings.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellation },
            async (i, token) =>
            {
                try
                {
                    var order = BatchRunner.Order(plan, settings[i], seed, BatchRunner.RunId(plan, settings[i], seed));
                    var outcome = await host.PlayAsync(order, null, null, token);
                    values[i] = _measures.Of(outcome)[_tornadoMeasure];
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    Interlocked.Increment(ref failed);
                    var which = i == 0 ? "the scenario as written" : settings[i][0].ToString();
                    Reports.Error($"tornado run with {which} failed: {error.Message.ReplaceLineEndings(" ")}");
                }
            });

        List<SensitivitySample> samples;
        lock (_gate)
        {
            samples = [.. _samples];
        }

        var analysis = SensitivityAnalysis.Of(_design.Inputs, _measures.Names, samples);
        var bars = _design.Estimates.Select((e, k) =>
        {
            var (low, high) = (values[1 + (2 * k)], values[2 + (2 * k)]);
            return new TornadoBarReport(e.Path, e.Low, e.High, low, high, low is { } l && high is { } h ? Math.Abs(h - l) : null);
        }).ToList();
        var report = new SensitivityReport(
            plan.Document.FileName,
            plan.Seed,
            samples.Count,
            failedRuns,
            [.. _design.Estimates.Select(e => new SensitivityInputReport(e.Path, e.Value, e.Low, e.High))],
            [.. analysis.Ranges.Select(r => new MeasureRangeReport(r.Measure, r.Count, r.Min, r.P5, r.P95, r.Max))],
            [.. analysis.Correlations.Select(c => new CorrelationReport(c.Measure, c.Input, c.Count, c.Pearson, c.Spearman))],
            new TornadoReport(TornadoMeasure, seed, values[0], bars));

        var tables = Tables(report, analysis);
        await BatchFile.WriteAsync(Path.Combine(directory, CsvFileName), Csv(analysis), cancellation);
        await BatchFile.WriteAsync(Path.Combine(directory, JsonFileName), JsonOutput.Serialize(report), cancellation);
        if (plotsDirectory is not null && values[0] is { } central)
        {
            Directory.CreateDirectory(plotsDirectory);
            var charted = bars.Where(b => b.Swing is not null).OrderByDescending(b => b.Swing!.Value).Take(ChartedBars).ToList();
            TornadoChart.Save(Path.Combine(plotsDirectory, TornadoFileName),
                $"Tornado: {TornadoMeasure}, one estimate at a time ({charted.Count} widest of {bars.Count})",
                TornadoMeasure, central, [.. charted.Select(b => new TornadoBar(b.Input, b.AtLow!.Value, b.AtHigh!.Value))]);
        }

        foreach (var table in tables)
        {
            AnsiConsole.Write(table);
        }

        return failed;
    }

    /// <summary><c>sensitivity.csv</c>: one row per measure × input, <c>measure,input,pearson,spearman,n</c>; an undefined correlation is an empty field.</summary>
    public static string Csv(SensitivityAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var csv = new StringBuilder();
        FrontierCsv.Record(csv, ["measure", "input", "pearson", "spearman", "n"]);
        foreach (var c in analysis.Correlations)
        {
            FrontierCsv.Record(csv, [c.Measure, c.Input, Optional(c.Pearson), Optional(c.Spearman), c.Count.ToString(CultureInfo.InvariantCulture)]);
        }

        return csv.ToString();
    }

    private static string Optional(double? value) => value is { } v ? FrontierCsv.Number(v) : "";

    private static List<Table> Tables(SensitivityReport report, SensitivityAnalysis analysis)
    {
        const string number = "#,##0.###";
        var ranges = new Table().Border(TableBorder.Rounded)
            .Title($"Sensitivity: outcome ranges over {report.Runs} runs drawing {report.Inputs.Count} estimates")
            .AddColumns("Measure", "Min", "5%", "95%", "Max");
        foreach (var column in ranges.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var r in report.Ranges)
        {
            ranges.AddRow(TerminalText.Markup(r.Measure), Numbers.Format(r.Min, number), Numbers.Format(r.P5, number), Numbers.Format(r.P95, number), Numbers.Format(r.Max, number));
        }

        var strongest = new Table().Border(TableBorder.Rounded)
            .Title($"Strongest correlations (by |Spearman|, top {Shown})")
            .AddColumns("Measure", "Input", "Pearson", "Spearman");
        foreach (var column in strongest.Columns.Skip(2))
        {
            column.RightAligned();
        }

        foreach (var c in analysis.Strongest(Shown))
        {
            strongest.AddRow(TerminalText.Markup(c.Measure), TerminalText.Markup(c.Input), Numbers.Format(c.Pearson ?? 0, "0.00"), Numbers.Format(c.Spearman!.Value, "0.00"));
        }

        var tornado = new Table().Border(TableBorder.Rounded)
            .Title($"Tornado: {TerminalText.Markup(report.Tornado.Measure)}, {(report.Tornado.Central is { } central ? Numbers.Format(central, number) : "failed")} as written; widest swings")
            .AddColumns("Input", "Low", "High", "At low", "At high", "Swing");
        foreach (var column in tornado.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var b in report.Tornado.Bars.Where(b => b.Swing is not null).OrderByDescending(b => b.Swing!.Value).Take(Shown))
        {
            tornado.AddRow(TerminalText.Markup(b.Input), Numbers.Format(b.Low, number), Numbers.Format(b.High, number),
                Numbers.Format(b.AtLow!.Value, number), Numbers.Format(b.AtHigh!.Value, number), Numbers.Format(b.Swing!.Value, number));
        }

        return [ranges, strongest, tornado];
    }
}
