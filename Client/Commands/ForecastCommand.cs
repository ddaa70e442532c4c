using System.ComponentModel;
using System.Globalization;
using Simulation.Client.Hosting;
using Simulation.Client.Inference;
using Simulation.Client.Output;
using Simulation.Client.Plots;
using Simulation.Model.Experiments;
using Simulation.Model.Inference;
using Simulation.Model.Inference.Forecasts;
using Simulation.Model.Input;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulation.Client.Commands;

/// <summary>
/// `tradesim forecast SCENARIO --posterior DIR`: the predictive distribution of one negotiation's end
/// (DESIGN §9): M particles drawn from a calibrated posterior by weight, the scenario run with each
/// one's values (<see cref="ForecastRunner"/>), and the share of runs ending at each level of each
/// issue, the agreement probability and welfare with 90% intervals, as a table, JSON
/// (<see cref="ForecastFile"/>) and bar charts. The JSON carries what pre-registers the forecast:
/// the digests of the scenario and the posterior, the seed, and the date learned until.
/// </summary>
public sealed class ForecastCommand : AsyncCommand<ForecastCommand.Settings>
{
    public const int DefaultRuns = 200;

    public sealed class Settings : ClusterSettings
    {
        [CommandArgument(0, "<SCENARIO>")]
        [Description("The scenario of the world before the negotiation (YAML or JSON).")]
        public string Scenario { get; init; } = "";

        [CommandOption("--posterior <DIR>")]
        [Description("The directory tradesim calibrate wrote: samples.csv (the weighted particles) and diagnostics.json. Its paths the scenario lacks are left out, and listed on stderr.")]
        public string? Posterior { get; init; }

        [CommandOption("--negotiation <ID>")]
        [Description("The negotiation to forecast; needed when the scenario has more than one.")]
        public string? Negotiation { get; init; }

        [CommandOption("--runs <N>")]
        [Description("Draws from the posterior, one run each (default 200).")]
        public string? Runs { get; init; }

        [CommandOption("--seed <N>")]
        [Description("Seed of the draws from the posterior (default: the scenario's seed). The runs themselves use the scenario's seed, as a calibration's simulations do.")]
        public string? Seed { get; init; }

        [CommandOption("--engine <ENGINE>")]
        [Description("Who plays the runs: local (default; in this process) or grains (an embedded silo, or the cluster at --gateway). Both give the same forecast.")]
        [DefaultValue("local")]
        public string Engine { get; init; } = "local";

        [CommandOption("--parallel <N>")]
        [Description("Runs played at once (default: the processor cores with --engine local; with grains, two per silo).")]
        public string? Parallel { get; init; }

        [CommandOption("--out <FILE.json>")]
        [Description("Also write the forecast as JSON to this file (its directory must exist; replaced whole, and only by a forecast that completes).")]
        public string? Out { get; init; }

        [CommandOption("--plots <DIR>")]
        [Description("Write a bar chart per issue into DIR (created if missing): ISSUE.png, the key's ':' as '_'.")]
        public string? Plots { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("table (default) or json, on stdout.")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Scenario))
            {
                return ValidationResult.Error($"SCENARIO '{Scenario}': expected the path of a scenario file");
            }

            if (string.IsNullOrWhiteSpace(Posterior))
            {
                return ValidationResult.Error("--posterior is required: the directory tradesim calibrate wrote (samples.csv, diagnostics.json)");
            }

            if (Negotiation is not null && string.IsNullOrWhiteSpace(Negotiation))
            {
                return OptionValue.Error("--negotiation", Negotiation, "expected a negotiation id of the scenario");
            }

            if (Plots is not null && (string.IsNullOrWhiteSpace(Plots) || File.Exists(Plots)))
            {
                return OptionValue.Error("--plots", Plots, "expected the path of a directory (created if missing)");
            }

            if (Format is not ("table" or "json"))
            {
                return OptionValue.Error("--format", Format, "expected table or json");
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
        // Every input is read and checked, and every run's scenario built, before anything is written or played.
        var document = ScenarioDocument.LoadFile(settings.Scenario);
        var issues = new NegotiationIssues(document.Load([]), NegotiationOf(document, settings));
        var posterior = PosteriorDirectory.Read(settings.Posterior!);
        var applies = ForecastRunner.PathsOf(document);
        if (posterior.Posterior.Paths.Where(p => !applies(p)).Select(p => p.Text).ToList() is { Count: > 0 } lacking)
        {
            Console.Error.WriteLine(TerminalText.Safe(
                $"note: {document.FileName} has no place for the posterior's {string.Join(", ", lacking)}; the forecast uses the {posterior.Posterior.Paths.Count - lacking.Count} of its {posterior.Posterior.Paths.Count} paths the scenario has"));
        }

        var runs = settings.Runs is { } r ? (int)OptionValue.Integer(r)!.Value : DefaultRuns;
        var seed = settings.Seed is { } s ? OptionValue.Integer(s)!.Value : document.Seed;
        var draws = posterior.Posterior.Draw(runs, seed);
        var (orders, runOfDraw) = ForecastRunner.Orders(document, posterior.Posterior, draws);
        var output = settings.Out is { } path ? OutputFile.Check("--out", path, "forecast.json") : null;
        var inputs = new[] { settings.Scenario, Path.Combine(settings.Posterior!, PosteriorDirectory.SamplesFile), Path.Combine(settings.Posterior!, PosteriorDirectory.DiagnosticsFile) };
        if (output is not null && inputs.FirstOrDefault(output.Replaces) is { } input)
        {
            throw output.Refuse($"is the input file '{input}'; writing would replace it");
        }

        if (settings.Plots is { } plots)
        {
            PlotsFolder.Create("--plots", plots);
        }

        var registration = ForecastRunner.Registration(settings.Scenario, posterior, seed);

        await using var host = await RunHosts.OpenAsync(settings.Engine, settings, cancellation);
        var parallel = await RunHosts.ParallelAsync(host, settings.Parallel, cancellation);
        Console.Error.WriteLine(TerminalText.Safe(string.Create(CultureInfo.InvariantCulture,
            $"forecast of {issues.Negotiation} in {document.FileName}: {runs} draws from the posterior (seed {seed}), {orders.Count} distinct run{(orders.Count == 1 ? "" : "s")}, {parallel} at once on the {host.Engine} engine")));
        var forecast = await ForecastRunner.ForecastAsync(orders, runOfDraw, issues, host, parallel, cancellation);

        var json = ForecastFile.Write(forecast, registration);
        if (output is not null)
        {
            await output.WriteAsync(json, cancellation);
        }

        if (settings.Plots is { } folder)
        {
            foreach (var issue in forecast.Issues)
            {
                var chart = Path.Combine(folder, IssueForecastChart.FileName(issue.Issue));
                IssueForecastChart.Save(chart, forecast.Negotiation, forecast.Runs, issue);
                Console.Error.WriteLine($"wrote {TerminalText.Safe(chart)}");
            }
        }

        if (settings.Format == "json")
        {
            Console.Out.Write(json);
        }
        else
        {
            AnsiConsole.Console.Write(ForecastTables.Issues(forecast));
            AnsiConsole.Console.Write(ForecastTables.Welfare(forecast));
            AnsiConsole.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Pre-registered: scenario sha256 {registration.ScenarioSha256}, posterior sha256 {registration.PosteriorSha256}, seed {seed}, learned until {registration.LearnedUntil:yyyy-MM-dd}"));
        }

        return TradeSimApp.Done;
    }

    /// <summary>The negotiation asked for, or the scenario's only one.</summary>
    /// <exception cref="InvalidInputException">It has no such negotiation, or several and none was asked for.</exception>
    private static string NegotiationOf(ScenarioDocument document, Settings settings)
    {
        var ids = document.Load([]).Negotiations.Select(n => n.Id).ToList();
        if (settings.Negotiation is { } asked)
        {
            return ids.Contains(asked, StringComparer.Ordinal)
                ? asked
                : throw new UsageException($"--negotiation '{TerminalText.Safe(asked)}': {document.FileName} has no such negotiation (it has {string.Join(", ", ids)})");
        }

        return ids.Count == 1
            ? ids[0]
            : throw new UsageException(ids.Count == 0
                ? $"{document.FileName} has no negotiation to forecast"
                : $"{document.FileName} has {ids.Count} negotiations ({string.Join(", ", ids)}); say which to forecast with --negotiation");
    }
}
