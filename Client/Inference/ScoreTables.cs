using Simulation.Client.Output;
using Simulation.Model.Inference;
using Simulation.Model.Inference.Scoring;
using Spectre.Console;

namespace Simulation.Client.Inference;

/// <summary>A forecast's scores for a person: each observed issue, the agreement, and the sums over the issues.</summary>
internal static class ScoreTables
{
    private const string Score = "0.0000";

    /// <summary>How a table names each forecast of a <see cref="ScoreComparison"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["tradesim"] = "TradeSim",
        ["status_quo"] = "Status quo",
        ["uniform"] = "Uniform",
        ["single_run"] = "Single run",
    };

    public static Table Scores(string episode, ForecastScore score, NegotiationIssues table)
    {
        var scores = new Table().Title(TerminalText.Markup($"Scores of the forecast of {table.Negotiation} against episode {episode}")).Border(TableBorder.Rounded)
            .Caption("Forecasts smoothed first (p ← 0.99p + 0.01/L). Log score ln p(observed): higher is better, 0 at best. " +
                     "Brier Σ(p − o)²: lower is better, 0 to 2 (agreement: one event, 0 to 1). RPS: lower is better, 0 to 1, and charges less for mass near what happened")
            .AddColumns("Issue", "Observed", "Log score", "Brier", "RPS");
        foreach (var column in scores.Columns.Skip(2))
        {
            column.RightAligned();
        }

        foreach (var issue in score.Issues)
        {
            scores.AddRow(
                TerminalText.Markup(issue.Issue),
                TerminalText.Markup(table.Find(issue.Issue)!.Levels[issue.Observed].Text),
                Numbers.Format(issue.LogScore, Score),
                Numbers.Format(issue.Brier, Score),
                Numbers.Format(issue.RankedProbability, Score));
        }

        scores.AddRow("[bold]Total over the issues[/]", "", Numbers.Format(score.LogScore, Score), Numbers.Format(score.Brier, Score), Numbers.Format(score.RankedProbability, Score));
        scores.AddRow("Agreement", score.Agreement.Agreed ? "agreed" : "no agreement", Numbers.Format(score.Agreement.LogScore, Score), Numbers.Format(score.Agreement.Brier, Score), "");
        foreach (var issue in score.NotScored)
        {
            scores.AddRow(TerminalText.Markup(issue), "not observed: not scored", "", "", "");
        }

        return scores;
    }

    /// <summary>
    /// The forecast beside the baselines: one row per observed issue and the totals, three columns (log
    /// score, Brier, RPS) per forecast, and the agreement's scores.
    /// </summary>
    public static Table Comparison(string title, ScoreComparison comparison, NegotiationIssues table)
    {
        var forecasts = comparison.Forecasts;
        var scores = new Table().Title(TerminalText.Markup(title)).Border(TableBorder.Rounded)
            .Caption("Log score: higher is better. Brier and RPS: lower is better. Every forecast smoothed alike (p ← 0.99p + 0.01/L)")
            .AddColumn("Issue");
        foreach (var (name, _) in forecasts)
        {
            foreach (var rule in new[] { "log", "Brier", "RPS" })
            {
                scores.AddColumn(new TableColumn(TerminalText.Markup($"{Names[name]} {rule}")).RightAligned());
            }
        }

        for (var i = 0; i < comparison.TradeSim.Issues.Count; i++)
        {
            var row = new List<string> { TerminalText.Markup(comparison.TradeSim.Issues[i].Issue) };
            foreach (var (_, score) in forecasts)
            {
                var issue = score.Issues[i];
                row.AddRange([Numbers.Format(issue.LogScore, Score), Numbers.Format(issue.Brier, Score), Numbers.Format(issue.RankedProbability, Score)]);
            }

            scores.AddRow([.. row]);
        }

        var total = new List<string> { "[bold]Total over the issues[/]" };
        var agreement = new List<string> { "Agreement" };
        foreach (var (_, score) in forecasts)
        {
            total.AddRange([Numbers.Format(score.LogScore, Score), Numbers.Format(score.Brier, Score), Numbers.Format(score.RankedProbability, Score)]);
            agreement.AddRange([Numbers.Format(score.Agreement.LogScore, Score), Numbers.Format(score.Agreement.Brier, Score), ""]);
        }

        scores.AddRow([.. total]);
        scores.AddRow([.. agreement]);
        return scores;
    }

    /// <summary>Which forecast has the best total of each score, said plainly.</summary>
    public static string Best(ScoreComparison comparison) =>
        $"Best total: log score (higher is better) {Names[comparison.BestLogScore]}; Brier (lower is better) {Names[comparison.BestBrier]}; RPS (lower is better) {Names[comparison.BestRankedProbability]}";
}
