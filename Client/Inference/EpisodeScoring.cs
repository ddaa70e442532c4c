using Simulation.Client.Batch;
using Simulation.Client.Hosting;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Experiments;
using Simulation.Model.Inference;
using Simulation.Model.Inference.Forecasts;
using Simulation.Model.Inference.Scoring;

namespace Simulation.Client.Inference;

/// <summary>
/// A forecast scored against an episode beside the three baselines (DESIGN §9; <see cref="Baselines"/>):
/// the status quo, uniform, and the episode's scenario as written run once through the run host with
/// the episode's seed, as <c>tradesim run</c> of that scenario plays it. Every forecast is scored on the
/// same observed issues and smoothed alike. The one place <c>score</c> and <c>calibrate --leave-one-out</c> score.
/// </summary>
internal static class EpisodeScoring
{
    /// <summary>
    /// <paramref name="forecast"/>'s scores and the baselines' against <paramref name="episode"/>; the single
    /// run is played on <paramref name="host"/>, and left out when it is null.
    /// </summary>
    /// <exception cref="RunFailedException">The single run ended without an outcome.</exception>
    public static async Task<ScoreComparison> CompareAsync(ForecastDistribution forecast, Episode episode, IRunHost? host, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(episode);
        var issues = episode.Issues;
        ForecastScore? single = null;
        if (host is not null)
        {
            var run = await SingleRunAsync(episode, host, cancellation);
            single = Baselines.SingleRun(issues, run).ScoreAgainst(issues, episode.Observed);
        }

        return new ScoreComparison(
            forecast.ScoreAgainst(issues, episode.Observed),
            Baselines.StatusQuo(issues).ScoreAgainst(issues, episode.Observed),
            Baselines.Uniform(issues).ScoreAgainst(issues, episode.Observed),
            single);
    }

    /// <summary>The end of the episode's scenario run as written, with the episode's seed.</summary>
    private static async Task<RunEnd> SingleRunAsync(Episode episode, IRunHost host, CancellationToken cancellation)
    {
        var document = ScenarioDocument.LoadFile(episode.ScenarioFile);
        var order = new RunOrder(RunIds.For(document.Text, episode.Seed, "single-run"), document.Text, Path.GetFileName(document.FileName), episode.Seed)
        {
            Parsed = document.Load([]),
        };
        var ends = await ForecastRunner.PlayAsync([order], episode.Issues, host, 1, cancellation);
        return ends[0];
    }
}
