using Simulation.Client.Commands;
using Simulation.Client.Hosting;
using Simulation.Client.Output;
using Simulation.Model.Inference;
using Simulation.Model.Inference.Forecasts;
using Simulation.Model.Inference.Scoring;
using Spectre.Console;

namespace Simulation.Client.Inference;

/// <summary>
/// <c>calibrate --leave-one-out</c> (DESIGN §9): for each episode in file order, a calibration on all
/// the others into <c>DIR/without-ID/</c> (a posterior directory like any other, reused when finished
/// and continued when not, under <c>--resume</c>), a forecast of the episode's negotiation on its
/// scenario from that posterior (<c>DIR/without-ID/forecast.json</c>, as <c>forecast</c> makes it),
/// and its scores beside the baselines' (<see cref="EpisodeScoring"/>, the one <c>score</c> uses).
/// The scores go to <c>DIR/leave-one-out.json</c> and a table; the forecast is tested only on an
/// episode it did not learn from.
/// </summary>
internal static class LeaveOneOut
{
    public const string ResultFile = "leave-one-out.json";
    public const string ForecastFileName = "forecast.json";

    /// <summary>Where the calibration without <paramref name="episode"/> is written.</summary>
    public static string FolderOf(string root, Episode episode) => Path.Combine(root, $"without-{episode.Id}");

    /// <summary>Checks what can be checked before a run: enough episodes, and no calibration in the way unless resuming.</summary>
    /// <exception cref="UsageException">One episode only, or a folder holding a calibration without --resume.</exception>
    public static void Check(CalibrationInputs inputs, string root, bool resume)
    {
        if (inputs.Episodes.Count < 2)
        {
            throw new UsageException($"--leave-one-out needs at least two episodes, to learn from the others; {inputs.EpisodesFile} has {inputs.Episodes.Count}");
        }

        if (!resume && inputs.Episodes.Select(e => FolderOf(root, e)).FirstOrDefault(f => File.Exists(Path.Combine(f, CalibrationDirectory.IdentityFile))) is { } taken)
        {
            throw new UsageException($"--out '{root}': {taken} holds a calibration already; add --resume to reuse and continue them, or choose another --out");
        }
    }

    /// <summary>Runs every episode's calibration, forecast and scores, and writes and prints the result.</summary>
    public static async Task RunAsync(CalibrationInputs inputs, string root, bool resume, AbcSettings settings, int runs, IRunHost host, CancellationToken cancellation)
    {
        var results = new List<(Episode Episode, ScoreComparison Scores)>();
        for (var e = 0; e < inputs.Episodes.Count; e++)
        {
            var episode = inputs.Episodes[e];
            var folder = FolderOf(root, episode);
            Console.Error.WriteLine($"leave-one-out {e + 1} of {inputs.Episodes.Count}: calibrating without episode {episode.Id} into {folder}");
            // Opened (and on --resume checked to hold this same calibration) before a finished one is reused.
            var others = inputs.Without(e);
            var directory = CalibrationDirectory.Open(folder, resume && File.Exists(Path.Combine(folder, CalibrationDirectory.IdentityFile)), others, settings);
            if (resume && File.Exists(Path.Combine(folder, PosteriorDirectory.SamplesFile)))
            {
                Console.Error.WriteLine($"reusing the finished calibration in {folder}");
            }
            else
            {
                await Calibration.RunAsync(others, directory, settings, host, cancellation);
            }

            var forecast = await ForecastAsync(inputs, e, folder, settings, runs, host, cancellation);
            results.Add((episode, await EpisodeScoring.CompareAsync(forecast, episode, host, cancellation)));
        }

        var json = LeaveOneOutFile.Write([.. results.Select(r => (r.Episode.Id, r.Scores))]);
        File.WriteAllText(Path.Combine(root, ResultFile + ".tmp"), json);
        File.Move(Path.Combine(root, ResultFile + ".tmp"), Path.Combine(root, ResultFile), overwrite: true);
        Print(results);
    }

    /// <summary>
    /// The forecast of episode <paramref name="e"/> from the posterior in <paramref name="folder"/>, made and
    /// pre-registered as <c>forecast</c> makes one (draws seeded with the calibration's seed), and written beside it.
    /// </summary>
    private static async Task<ForecastDistribution> ForecastAsync(CalibrationInputs inputs, int e, string folder, AbcSettings settings, int runs, IRunHost host, CancellationToken cancellation)
    {
        var episode = inputs.Episodes[e];
        var document = inputs.Documents[e];
        var posterior = PosteriorDirectory.Read(folder);
        var draws = posterior.Posterior.Draw(runs, settings.Seed);
        var (orders, runOfDraw) = ForecastRunner.Orders(document, posterior.Posterior, draws);
        var forecast = await ForecastRunner.ForecastAsync(orders, runOfDraw, episode.Issues, host, settings.Parallel, cancellation);
        var registration = ForecastRunner.Registration(episode.ScenarioFile, posterior, settings.Seed);
        await File.WriteAllTextAsync(Path.Combine(folder, ForecastFileName), ForecastFile.Write(forecast, registration), cancellation);
        return forecast;
    }

    private static void Print(IReadOnlyList<(Episode Episode, ScoreComparison Scores)> results)
    {
        var names = results[0].Scores.Forecasts.Select(f => f.Name).ToList();
        var totals = LeaveOneOutFile.Totals(results.Select(r => r.Scores));
        var rows = results.Select(r => (TerminalText.Markup(r.Episode.Id), r.Scores.Forecasts.Select(f => ScoreTables.Cells(f.Score.LogScore, f.Score.Brier, f.Score.RankedProbability))))
            .Append(("[bold]Total over the episodes[/]", names.Select(n => ScoreTables.Cells(totals[n].LogScore, totals[n].Brier, totals[n].RankedProbability))));
        AnsiConsole.Console.Write(ScoreTables.Grid("Leave-one-out: each episode forecast from a posterior learned without it (totals over its issues)", "Episode", names, rows));
        AnsiConsole.Console.WriteLine(ScoreTables.Best(
            ScoreComparison.Best(names.Select(n => (n, -totals[n].LogScore))),
            ScoreComparison.Best(names.Select(n => (n, totals[n].Brier))),
            ScoreComparison.Best(names.Select(n => (n, totals[n].RankedProbability)))));
    }
}
