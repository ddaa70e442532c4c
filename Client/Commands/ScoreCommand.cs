using System.ComponentModel;
using Simulation.Client.Hosting;
using Simulation.Client.Inference;
using Simulation.Client.Output;
using Simulation.Model.Inference;
using Simulation.Model.Inference.Forecasts;
using Simulation.Model.Inference.Scoring;
using Simulation.Model.Input;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulation.Client.Commands;

/// <summary>
/// `tradesim score FORECAST.json --observed EPISODES.yaml --episode ID`: a forecast scored against what
/// happened (DESIGN §9): the episode's observed levels, read on its own scenario's table, matched to the
/// forecast's issues by key; the log, Brier and ranked probability scores per issue, the agreement's,
/// and the sums. A forecast of another negotiation, or without an issue that was observed, cannot be
/// scored (exit 2); issues forecast but not observed are listed as not scored. Beside it, unless
/// <c>--no-baselines</c>, the three baselines' scores on the same issues (<see cref="EpisodeScoring"/>).
/// </summary>
public sealed class ScoreCommand : AsyncCommand<ScoreCommand.Settings>
{
    public sealed class Settings : ClusterSettings
    {
        [CommandArgument(0, "<FORECAST.json>")]
        [Description("A forecast as tradesim forecast writes it (--out or --format json).")]
        public string Forecast { get; init; } = "";

        [CommandOption("--observed <EPISODES.yaml>")]
        [Description("The episode file holding what happened (docs/forecasts.md).")]
        public string? Observed { get; init; }

        [CommandOption("--episode <ID>")]
        [Description("The id of the episode in that file to score against.")]
        public string? Episode { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("table (default) or json.")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        [CommandOption("--engine <ENGINE>")]
        [Description("Who plays the single-run baseline: local (default; in this process) or grains (an embedded silo, or the cluster at --gateway). Both give the same scores.")]
        [DefaultValue("local")]
        public string Engine { get; init; } = "local";

        [CommandOption("--no-baselines")]
        [Description("Score the forecast alone, without the status quo, uniform and single-run baselines beside it (and without playing the single run).")]
        public bool NoBaselines { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Forecast))
            {
                return ValidationResult.Error($"FORECAST.json '{Forecast}': expected the path of a forecast file");
            }

            if (string.IsNullOrWhiteSpace(Observed))
            {
                return ValidationResult.Error("--observed is required: the episode file holding what happened");
            }

            if (string.IsNullOrWhiteSpace(Episode))
            {
                return ValidationResult.Error("--episode is required: the id of the episode to score against");
            }

            if (Format is not ("table" or "json"))
            {
                return OptionValue.Error("--format", Format, "expected table or json");
            }

            if (RunHosts.Check(Engine, this, "expected local or grains") is { Successful: false } engine)
            {
                return engine;
            }

            return base.Validate();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        // Both files are read, and every error of both reported, before anything is scored.
        var errors = new List<InputError>();
        ForecastDistribution? forecast = null;
        PreRegistration? registration = null;
        IReadOnlyList<Episode> episodes = [];
        try
        {
            (forecast, registration) = ForecastFile.Read(settings.Forecast);
        }
        catch (InvalidInputException invalid)
        {
            errors.AddRange(invalid.Errors);
        }

        try
        {
            episodes = EpisodeFile.Load(settings.Observed!);
        }
        catch (InvalidInputException invalid)
        {
            errors.AddRange(invalid.Errors);
        }

        if (errors.Count > 0 || forecast is null)
        {
            throw new InvalidInputException(errors);
        }

        var episode = episodes.FirstOrDefault(e => string.Equals(e.Id, settings.Episode, StringComparison.Ordinal))
            ?? throw new InvalidInputException([new InputError(settings.Observed!, null, null, "", $"no episode '{settings.Episode}' (the file has {string.Join(", ", episodes.Select(e => e.Id))})")]);
        if (forecast.Mismatches(episode.Issues, episode.Observed) is { Count: > 0 } mismatches)
        {
            throw new InvalidInputException([.. mismatches.Select(m => new InputError(settings.Forecast, null, null, "", $"{m}; it cannot be scored against episode {episode.Id}"))]);
        }

        foreach (var warning in episode.Warnings)
        {
            Console.Error.WriteLine($"warning: {TerminalText.Safe(warning)}");
        }

        if (registration!.LearnedUntil >= episode.Known)
        {
            // Pre-registration (DESIGN §9): a posterior that learned from episodes known by then may have seen this one.
            Console.Error.WriteLine(TerminalText.Safe(
                $"note: the forecast learned from episodes known up to {registration.LearnedUntil:yyyy-MM-dd}, not before episode {episode.Id} ({episode.Known:yyyy-MM-dd}): this scores how the model fits it, not a forecast made before it"));
        }

        var score = forecast.ScoreAgainst(episode.Issues, episode.Observed);
        ScoreComparison? comparison = null;
        if (!settings.NoBaselines)
        {
            await using var host = await RunHosts.OpenAsync(settings.Engine, settings, cancellation);
            comparison = await EpisodeScoring.CompareAsync(forecast, episode, host, cancellation);
        }

        if (settings.Format == "json")
        {
            Console.Out.Write(ScoreFile.Write(episode.Id, score, episode.Issues, comparison));
        }
        else
        {
            AnsiConsole.Console.Write(ScoreTables.Scores(episode.Id, score, episode.Issues));
            if (comparison is not null)
            {
                AnsiConsole.Console.Write(ScoreTables.Comparison($"The forecast beside the baselines on episode {episode.Id}", comparison, episode.Issues));
                AnsiConsole.Console.WriteLine(ScoreTables.Best(comparison));
            }
        }

        return TradeSimApp.Done;
    }
}
