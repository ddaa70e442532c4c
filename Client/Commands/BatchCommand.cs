using System.ComponentModel;
using Simulation.Client.Batch;
using Simulation.Client.Hosting;
using Simulation.Model.Experiments;
using Simulation.Model.Input;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulation.Client.Commands;

/// <summary>
/// `tradesim batch SCENARIO|EXPERIMENT.yaml`: many runs of one scenario, over a grid of values
/// (<c>--vary</c>), with sampled inputs (<c>--sample</c>) and replicates (<c>--runs</c>), written to
/// DIR as they finish (DESIGN §6.4–6.5; <see cref="Batch.BatchOutput"/>). Every run's scenario is
/// checked before the first starts. Runs are played several at once (<see cref="Batch.BatchRunner"/>)
/// by the in-process engine or on grains (<c>--engine</c>).
/// </summary>
public sealed class BatchCommand : AsyncCommand<BatchCommand.Settings>
{
    public sealed class Settings : ClusterSettings
    {
        [CommandArgument(0, "<SCENARIO>")]
        [Description("A scenario file, or an experiment file (a YAML mapping with scenario, and optionally vary, sample, runs, seed; docs/batch.md).")]
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
        [Description("Directory for batch.json, runs.csv, countries.csv, exports.csv, summary.json and trace.csv (created if missing; nothing in it is overwritten: it must not already hold a file the batch writes, unless --resume).")]
        [DefaultValue("results")]
        public string Out { get; init; } = "results";

        [CommandOption("--trace")]
        [Description("Also write every turn of every run to DIR/trace.csv (the columns of run --trace).")]
        public bool Trace { get; init; }

        [CommandOption("--resume")]
        [Description("Finish the batch in DIR: run only the runs it lacks, after checking it is the same batch (DIR/batch.json, the scenario known by its content) and that every row of DIR/runs.csv is one it wrote.")]
        public bool Resume { get; init; }

        [CommandOption("--retry-failed")]
        [Description("With --resume, also play again the runs written as failed (their rows are replaced); without it they stay failed, since a run is deterministic.")]
        public bool RetryFailed { get; init; }

        [CommandOption("--engine <ENGINE>")]
        [Description("Who plays the runs: local (default; plain objects in this process, the faster, docs/batch.md) or grains (an embedded silo, or the cluster at --gateway). Both give the same rows.")]
        [DefaultValue("local")]
        public string Engine { get; init; } = "local";

        [CommandOption("--parallel <N>")]
        [Description("Runs played at once (default: the number of processor cores with --engine local; with grains, two per silo of the cluster).")]
        public string? Parallel { get; init; }

        [CommandOption("--sensitivity")]
        [Description("Draw every number the scenario marks as an estimate uniformly over its range (default --runs 100); write DIR/sensitivity.csv and .json with each measure's range and correlations, and play a tornado (docs/batch.md).")]
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
            // An empty path names no file; the file system's own message would be about a parameter.
            if (string.IsNullOrWhiteSpace(Input))
            {
                return ValidationResult.Error($"SCENARIO '{Input}': expected the path of a scenario or experiment file");
            }

            if (string.IsNullOrWhiteSpace(Out))
            {
                return OptionValue.Error("--out", Out, "expected the path of a directory (created if missing), e.g. results/batch1");
            }

            if (PlotRun is not null && string.IsNullOrWhiteSpace(PlotRun))
            {
                return OptionValue.Error("--plot-run", PlotRun, "expected a run_id of runs.csv");
            }

            if (Measure is not null && !Sensitivity)
            {
                return OptionValue.Error("--measure", Measure, "chooses the tornado's measure, so it needs --sensitivity");
            }

            if (Resume && (Sensitivity || Plots))
            {
                // Both are computed from every run's outcome as it finishes, which a resumed batch
                // does not see again for the runs done before it stopped.
                return ValidationResult.Error("--resume cannot be combined with --sensitivity or --plots: they need every run's outcome in one process; run the batch again into a new directory");
            }

            if (RetryFailed && !Resume)
            {
                return ValidationResult.Error("--retry-failed plays again the failed runs of an interrupted batch, so it needs --resume");
            }

            if (PlotRun is not null && !Plots)
            {
                return OptionValue.Error("--plot-run", PlotRun, "chooses the run --plots draws, so it needs --plots");
            }

            if (PlayOptions.Check(Runs, Seed, Parallel, Engine, this) is { Successful: false } play)
            {
                return play;
            }

            return base.Validate();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var plan = Plan(settings, out var sensitivity);
        plan.Validate();
        var analyses = BatchAnalyses.Create(plan, sensitivity, settings.Measure, settings.Plots, settings.PlotRun, settings.Out);
        var inputs = plan.Experiment.Vary.Select(a => a.Path).Concat(plan.Experiment.Sample.Select(s => s.Path)).ToList();
        var identity = BatchIdentity.Of(plan, settings.Trace);
        var columns = new RunColumns(inputs);
        // The directory (and, resuming, every row of runs.csv) is checked first and written only
        // once the cluster is reached, so a silo that is not there leaves no batch directory behind.
        var written = BatchOutput.Check(settings.Out, settings.Resume, identity, analyses.Files,
            path => WrittenRuns.Read(path, plan, columns, settings.RetryFailed));
        if (written is { Replayed: { } replayed })
        {
            Console.Error.WriteLine($"{replayed} was being written when the batch stopped (its last row is cut short or missing): its rows are dropped and it is played again");
        }

        await using var host = await RunHosts.OpenAsync(settings.Engine, settings, cancellation);
        var parallel = await RunHosts.ParallelAsync(host, settings.Parallel, cancellation);
        using var output = written is not null
            ? BatchOutput.Resume(settings.Out, columns, identity, settings.Trace, written, BatchCsvFile.Disk)
            : BatchOutput.Create(settings.Out, columns, identity, settings.Trace, analyses.Files, BatchCsvFile.Disk);
        return await BatchRunner.RunAsync(plan, output, host, analyses, parallel, cancellation);
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
            if (ExperimentFile.IsExperiment(document.Text))
            {
                // Read as a scenario it would only show an unknown key 'scenario'.
                throw new InvalidInputException([new InputError(settings.Input, null, null, ExperimentFile.ScenarioKey,
                    $"'{experiment.Scenario}' is an experiment file, not a scenario: an experiment names the scenario it varies, and experiments do not nest; point scenario: at that experiment's own scenario and copy its vary, sample, runs and seed")]);
            }
        }
        else
        {
            experiment = new Experiment(settings.Input, [], [], 1, null);
            document = ScenarioDocument.FromFile(text, settings.Input);
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

        try
        {
            if (settings.Sensitivity)
            {
                (sensitivity, experiment) = SensitivityDesign.Apply(experiment, document.Load([]), document.FileName, settings.Runs is not null || ExperimentFile.IsExperiment(text));
            }

            var plan = ExperimentPlan.Create(experiment, document, document.Seed);
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
}
