using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Simulation.Client.Batch;
using Simulation.Client.Output;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Grains.Outcomes;
using Simulation.Model.Experiments;
using Simulation.Model.Input;
using Simulation.Model.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulation.Client.Commands;

/// <summary>
/// `tradesim batch SCENARIO|EXPERIMENT.yaml`: many runs of one scenario, over a grid of values
/// (<c>--vary</c>), with sampled inputs (<c>--sample</c>) and replicates (<c>--runs</c>), written to
/// DIR/runs.csv as they finish (DESIGN §6.4–6.5). Every run's scenario is checked before the first
/// starts. Runs are played by the in-process engine (as <c>run --engine local</c>), several at once.
/// </summary>
public sealed class BatchCommand : AsyncCommand<BatchCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SCENARIO>")]
        [Description("A scenario file, or an experiment file (a YAML mapping with scenario, and optionally vary, sample, runs, seed; README, \"Batch experiments\").")]
        public string Input { get; init; } = "";

        [CommandOption("--vary <PATH=V1,V2>")]
        [Description("Run each of these values at PATH (e.g. countries.CAN.strategy.e=0.2,1,2); several --vary make a grid, the first varying slowest.")]
        public string[] Vary { get; init; } = [];

        [CommandOption("--sample <PATH=DIST>")]
        [Description("Draw the value at PATH for every run: uniform(a,b), normal(m,s), lognormal(m,s) or choice(x,y,...).")]
        public string[] Sample { get; init; } = [];

        [CommandOption("--runs <N>")]
        [Description("Replicates of each variant (default 1, or the experiment file's).")]
        public string? Runs { get; init; }

        [CommandOption("--seed <N>")]
        [Description("Batch seed: replicate 1 runs with it, the others with seeds derived from it; draws are seeded by it too. Default: the experiment's, else the scenario's.")]
        public string? Seed { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Directory for runs.csv (created if missing; it must not already hold a runs.csv).")]
        [DefaultValue("results")]
        public string Out { get; init; } = "results";

        [CommandOption("--parallel <N>")]
        [Description("Runs played at once (default: the number of processor cores).")]
        public string? Parallel { get; init; }

        [CommandOption("--sensitivity")]
        [Description("Draw every number the scenario marks as an estimate uniformly over its range (default --runs 100); write DIR/sensitivity.csv and .json with each measure's range and correlations, and play a tornado (README, \"Batch experiments\").")]
        public bool Sensitivity { get; init; }

        [CommandOption("--measure <NAME>")]
        [Description("The tornado's measure with --sensitivity, e.g. CAN-CHN.CAN.gain, CAN-CHN.agreed, CAN.objective (default: the first negotiation's first party's gain).")]
        public string? Measure { get; init; }

        [CommandOption("--plots")]
        [Description("Write PNG charts into DIR/plots/: concession curves of one run, agreement rate and agreement utilities and gains per variant, and the tornado with --sensitivity.")]
        public bool Plots { get; init; }

        [CommandOption("--plot-run <RUN_ID>")]
        [Description("The run whose concession curves --plots draws (a run_id of runs.csv; default the first run).")]
        public string? PlotRun { get; init; }

        public override ValidationResult Validate()
        {
            if (Measure is not null && !Sensitivity)
            {
                return OptionValue.Error("--measure", Measure, "chooses the tornado's measure, so it needs --sensitivity");
            }

            if (PlotRun is not null && !Plots)
            {
                return OptionValue.Error("--plot-run", PlotRun, "chooses the run --plots draws, so it needs --plots");
            }

            if (Runs is not null && OptionValue.Integer(Runs) is not (>= 1 and <= ExperimentLimits.MaxReplicates))
            {
                return OptionValue.Error("--runs", Runs, $"expected an integer from 1 to {ExperimentLimits.MaxReplicates}");
            }

            if (Seed is not null && OptionValue.Integer(Seed) is null)
            {
                return OptionValue.Error("--seed", Seed, $"expected an integer in decimal digits from {long.MinValue} to {long.MaxValue}, e.g. 7 or -3");
            }

            if (Parallel is not null && OptionValue.Integer(Parallel) is not (>= 1 and <= 1024))
            {
                return OptionValue.Error("--parallel", Parallel, "expected an integer from 1 to 1024");
            }

            return base.Validate();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var plan = Plan(settings, out var sensitivity);
        plan.Validate();
        var analyses = BatchAnalyses.Create(plan, sensitivity, settings.Measure, settings.Plots, settings.PlotRun, settings.Out);
        var runsPath = Output(settings.Out);

        var document = plan.Document;
        var fileName = Path.GetFileName(document.FileName);
        var inputs = plan.Experiment.Vary.Select(a => a.Path).Concat(plan.Experiment.Sample.Select(s => s.Path)).ToList();
        var parallel = (int)(settings.Parallel is { } p ? OptionValue.Integer(p)!.Value : Environment.ProcessorCount);
        var clock = Stopwatch.StartNew();
        var done = 0;
        var failed = 0;
        using (var csv = RunsCsv.Create(runsPath, inputs))
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"batch of {plan.RunCount} runs ({plan.Variants.Count} variant{(plan.Variants.Count == 1 ? "" : "s")} × {plan.Experiment.Runs}) of {document.FileName}, {parallel} at once; rows to {runsPath}{(sensitivity is null ? "" : $"; then {(2 * sensitivity.Estimates.Count) + 1} tornado runs")}"));
            try
            {
                await System.Threading.Tasks.Parallel.ForEachAsync(
                    plan.Runs(),
                    new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellation },
                    async (run, token) =>
                    {
                        var runId = RunIds.For(document.Text, run.Seed, run.SettingsKey);
                        var error = await PlayAsync(plan, run, runId, fileName, csv, analyses, token);
                        if (error is not null)
                        {
                            // A failed run is tried once more (a run is deterministic, so this only
                            // helps against a fault outside it), then reported in its row and the exit code.
                            error = await PlayAsync(plan, run, runId, fileName, csv, analyses, token);
                        }

                        if (error is not null)
                        {
                            csv.Failed(runId, run, error);
                            Interlocked.Increment(ref failed);
                        }

                        Interlocked.Increment(ref done);
                    });
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                Reports.Error($"cancelled after {done} of {plan.RunCount} runs; {runsPath} holds the runs that finished");
                return TradeSimApp.Failed;
            }
        }

        failed += await analyses.FinishAsync(plan, failed, parallel, cancellation);
        var rate = done / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{done} runs ({plan.Variants.Count} variant{(plan.Variants.Count == 1 ? "" : "s")} × {plan.Experiment.Runs}) in {clock.Elapsed.TotalSeconds:0.0} s ({rate:0.#} runs/s), {failed} failed; rows in {runsPath}");
        Console.Error.WriteLine(summary);
        return failed == 0 ? TradeSimApp.Done : TradeSimApp.Failed;
    }

    /// <summary>Plays one run and appends its rows; returns why it failed, or null.</summary>
    private static async Task<string?> PlayAsync(ExperimentPlan plan, PlannedRun run, string runId, string fileName, RunsCsv csv, BatchAnalyses analyses, CancellationToken token)
    {
        try
        {
            var scenario = plan.Load(run);
            // The in-process engine does not yield; it runs on the pool so cancellation still ends the wait.
            var result = await Task.Run(() => InProcessRun.PlayAsync(scenario, run.Seed), token).WaitAsync(token);
            var outcome = RunOutcomes.Assemble(scenario, result, plan.Document.Text, fileName, run.Seed);
            csv.Completed(runId, run, outcome);
            analyses.Completed(run, runId, outcome);
            return null;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return error.Message.ReplaceLineEndings(" ");
        }
    }

    /// <summary>The experiment as the input file and options give it, checked against its scenario.</summary>
    private static ExperimentPlan Plan(Settings settings, out SensitivityDesign? sensitivity)
    {
        sensitivity = null;
        var text = Model.Scenarios.ScenarioLoader.ReadText(settings.Input);
        Experiment experiment;
        ScenarioDocument document;
        if (ExperimentFile.IsExperiment(text))
        {
            experiment = ExperimentFile.Parse(text, settings.Input);
            document = ScenarioDocument.LoadFile(experiment.Scenario);
        }
        else
        {
            experiment = new Experiment(settings.Input, [], [], 1, null);
            document = ScenarioDocument.Parse(text, settings.Input);
        }

        var errors = new List<InputError>();
        var vary = settings.Vary.Select(v => ExperimentOptions.ReadVary(v, errors)).OfType<GridAxis>().ToList();
        var sample = settings.Sample.Select(s => ExperimentOptions.ReadSample(s, errors)).OfType<SampledInput>().ToList();
        experiment = experiment with
        {
            Vary = [.. experiment.Vary, .. vary],
            Sample = [.. experiment.Sample, .. sample],
            Runs = settings.Runs is { } runs ? (int)OptionValue.Integer(runs)!.Value : experiment.Runs,
            Seed = settings.Seed is { } seed ? OptionValue.Integer(seed) : experiment.Seed,
        };

        var scenarioSeed = document.ValueAt(ScenarioPath.Parse("seed")) is { } written && OptionValue.Integer(written) is { } s ? s : 0;
        try
        {
            if (settings.Sensitivity)
            {
                (sensitivity, experiment) = SensitivityDesign.Apply(experiment, document.Load([]), document.FileName, settings.Runs is not null || ExperimentFile.IsExperiment(text));
            }

            var plan = ExperimentPlan.Create(experiment, document, scenarioSeed);
            if (errors.Count == 0)
            {
                return plan;
            }
        }
        catch (InvalidInputException invalid)
        {
            // The options that could be read are checked too, so that every mistake is reported at once.
            errors.AddRange(invalid.Errors);
        }

        throw new InvalidInputException(errors);
    }

    /// <summary>DIR/runs.csv, its directory created; refused when a runs.csv is already there, since it would mix two batches.</summary>
    private static string Output(string directory)
    {
        var runsPath = Path.Combine(directory, RunsCsv.FileName);
        if (File.Exists(runsPath))
        {
            throw new UsageException($"--out '{directory}': already holds {RunsCsv.FileName}; choose another directory or remove it");
        }

        if (File.Exists(directory))
        {
            throw new UsageException($"--out '{directory}': is a file, not a directory");
        }

        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out '{directory}': cannot be created: {e.Message}");
        }

        return runsPath;
    }
}
