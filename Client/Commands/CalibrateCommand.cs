using System.ComponentModel;
using Simulation.Client.Hosting;
using Simulation.Client.Inference;
using Simulation.Model.Inference;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulation.Client.Commands;

/// <summary>
/// `tradesim calibrate EPISODES.yaml --priors PRIORS.yaml --out DIR` (DESIGN §6.5, §9): learns the
/// parameters the priors name from the episodes by ABC-PMC (<see cref="AbcPmc"/>), simulating each
/// episode through the run host, and writes the posterior directory (<see cref="CalibrationDirectory"/>).
/// Each generation is written as it finishes; <c>--resume</c> continues from the last one written.
/// </summary>
public sealed class CalibrateCommand : AsyncCommand<CalibrateCommand.Settings>
{
    public const int MaxParticles = 100_000;
    public const int MaxGenerations = 100;

    public sealed class Settings : ClusterSettings
    {
        [CommandArgument(0, "<EPISODES>")]
        [Description("An episode file: observed negotiations, each with its scenario, negotiation, date and outcome (docs/calibration.md).")]
        public string Episodes { get; init; } = "";

        [CommandOption("--priors <PRIORS>")]
        [Description("A priors file: parameters: { PATH: uniform(a,b) | loguniform(a,b) | normal(mu,sd) | choice(x,y,...) | choice({x: p, y: q}) }.")]
        public string? Priors { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Directory for samples.csv, summary.json, diagnostics.json, generations/ and plots/ (created; it must not hold a calibration unless --resume).")]
        public string? Out { get; init; }

        [CommandOption("--before <DATE>")]
        [Description("Learn only from the episodes known before this date (YYYY-MM-DD): the posterior a forecast made on that day could have used.")]
        public string? Before { get; init; }

        [CommandOption("--seed <N>")]
        [Description("Seed of the proposals (default 0); the runs use each episode's seed.")]
        public string? Seed { get; init; }

        [CommandOption("--particles <N>")]
        [Description("Particles per generation (default 1000).")]
        public string? Particles { get; init; }

        [CommandOption("--generations <N>")]
        [Description("Most generations, counting generation 0 drawn from the prior (default 8).")]
        public string? Generations { get; init; }

        [CommandOption("--engine <ENGINE>")]
        [Description("Who plays the runs: local (default; in this process) or grains (an embedded silo, or the cluster at --gateway). Both give the same posterior.")]
        [DefaultValue("local")]
        public string Engine { get; init; } = "local";

        [CommandOption("--parallel <N>")]
        [Description("Runs played at once (default as batch: the cores with local, two per silo with grains). Never changes the result.")]
        public string? Parallel { get; init; }

        [CommandOption("--resume")]
        [Description("Continue the calibration in DIR from its last generation written (same files, --seed and --particles); the result is the one an uninterrupted calibration gives.")]
        public bool Resume { get; init; }

        [CommandOption("--plots")]
        [Description("Write a PNG of each parameter's posterior marginal into DIR/plots/.")]
        public bool Plots { get; init; }

        [CommandOption("--leave-one-out")]
        [Description("For each episode, calibrate on the others into DIR/without-ID/, forecast it from that posterior and score it beside the baselines; the scores to DIR/leave-one-out.json (docs/calibration.md).")]
        public bool LeaveOneOut { get; init; }

        [CommandOption("--runs <N>")]
        [Description("With --leave-one-out: draws from each posterior for the forecast of the episode left out, one run each (default 200).")]
        public string? Runs { get; init; }

        /// <summary><c>--before</c> as a date, or null when absent or not a date.</summary>
        public DateOnly? BeforeDate =>
            DateOnly.TryParseExact(Before, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : null;

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Episodes))
            {
                return ValidationResult.Error($"EPISODES '{Episodes}': expected the path of an episode file");
            }

            if (string.IsNullOrWhiteSpace(Priors))
            {
                return OptionValue.Error("--priors", Priors, "expected the path of a priors file, e.g. --priors priors.yaml");
            }

            if (string.IsNullOrWhiteSpace(Out))
            {
                return OptionValue.Error("--out", Out, "expected the path of a directory (created if missing), e.g. --out posterior");
            }

            if (Before is not null && BeforeDate is null)
            {
                return OptionValue.Error("--before", Before, "expected a date as YYYY-MM-DD, e.g. 2026-01-16");
            }

            if (Seed is not null && OptionValue.Integer(Seed) is null)
            {
                return OptionValue.Error("--seed", Seed, $"expected an integer in decimal digits from {long.MinValue} to {long.MaxValue}");
            }

            if (Particles is not null && OptionValue.Integer(Particles) is not (>= 2 and <= MaxParticles))
            {
                return OptionValue.Error("--particles", Particles, $"expected an integer from 2 to {MaxParticles}");
            }

            if (Generations is not null && OptionValue.Integer(Generations) is not (>= 1 and <= MaxGenerations))
            {
                return OptionValue.Error("--generations", Generations, $"expected an integer from 1 to {MaxGenerations}");
            }

            if (Runs is not null && (!LeaveOneOut || OptionValue.Integer(Runs) is not (>= 1 and <= MaxParticles)))
            {
                return OptionValue.Error("--runs", Runs, LeaveOneOut ? $"expected an integer from 1 to {MaxParticles}" : "applies to --leave-one-out only");
            }

            if (LeaveOneOut && Plots)
            {
                return ValidationResult.Error("--plots and --leave-one-out: plots are drawn by a single calibration; run without --leave-one-out for them");
            }

            if (RunHosts.CheckMany(Engine, Parallel, this) is { Successful: false } runs)
            {
                return runs;
            }

            return base.Validate();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var inputs = CalibrationInputs.Load(settings.Episodes, settings.Priors!, settings.BeforeDate);
        foreach (var warning in inputs.Episodes.SelectMany(e => e.Warnings).Concat(inputs.Warnings))
        {
            Console.Error.WriteLine($"warning: {warning}");
        }

        var seed = settings.Seed is { } s ? OptionValue.Integer(s)!.Value : 0;
        var particles = settings.Particles is { } n ? (int)OptionValue.Integer(n)!.Value : 1000;
        var generations = settings.Generations is { } g ? (int)OptionValue.Integer(g)!.Value : 8;
        var plots = settings.Plots ? CalibrationPlots.Check(settings.Out!) : null;
        var abcSettings = new AbcSettings(particles, generations, seed);
        if (settings.LeaveOneOut)
        {
            LeaveOneOut.Check(inputs, settings.Out!, settings.Resume);
            await using var looHost = await RunHosts.OpenAsync(settings.Engine, settings, cancellation);
            var looRuns = settings.Runs is { } r ? (int)OptionValue.Integer(r)!.Value : ForecastCommand.DefaultRuns;
            await LeaveOneOut.RunAsync(inputs, settings.Out!, settings.Resume, abcSettings with { Parallel = await RunHosts.ParallelAsync(looHost, settings.Parallel, cancellation) }, looRuns, looHost, cancellation);
            return TradeSimApp.Done;
        }

        var directory = CalibrationDirectory.Open(settings.Out!, settings.Resume, inputs, abcSettings);
        if (directory.Completed.Count > 0)
        {
            Console.Error.WriteLine($"resuming after generation {directory.Completed.Count - 1}");
        }

        await using var host = await RunHosts.OpenAsync(settings.Engine, settings, cancellation);
        var parallel = await RunHosts.ParallelAsync(host, settings.Parallel, cancellation);
        abcSettings = abcSettings with { Parallel = parallel };
        var (result, summary) = await Calibration.RunAsync(inputs, directory, abcSettings, host, cancellation);
        plots?.Save(inputs.Priors, result.Posterior);
        CalibrationReport.PrintTable(summary, result);
        return TradeSimApp.Done;
    }
}
