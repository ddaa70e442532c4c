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
    public static Table Comparison(string title, ScoreComparison comparison)
    {
        var forecasts = comparison.Forecasts;
        var rows = comparison.TradeSim.Issues.Select((issue, i) => (TerminalText.Markup(issue.Issue), forecasts.Select(f => Cells(f.Score.Issues[i].LogScore, f.Score.Issues[i].Brier, f.Score.Issues[i].RankedProbability))))
            .Append(("[bold]Total over the issues[/]", forecasts.Select(f => Cells(f.Score.LogScore, f.Score.Brier, f.Score.RankedProbability))))
            .Append(("Agreement", forecasts.Select(f => Cells(f.Score.Agreement.LogScore, f.Score.Agreement.Brier, null))));
        return Grid(title, "Issue", [.. forecasts.Select(f => f.Name)], rows);
    }

    /// <summary>
    /// Rows of scores, three columns (log score, Brier, RPS) per forecast named in <paramref name="forecasts"/>
    /// (<see cref="Names"/>' keys), each row a label and, per forecast, its three cells.
    /// </summary>
    public static Table Grid(string title, string header, IReadOnlyList<string> forecasts, IEnumerable<(string Label, IEnumerable<string[]> Cells)> rows)
    {
        var scores = new Table().Title(TerminalText.Markup(title)).Border(TableBorder.Rounded)
            .Caption("Log score: higher is better. Brier and RPS: lower is better. Every forecast smoothed alike (p ← 0.99p + 0.01/L)")
            .AddColumn(header);
        foreach (var name in forecasts)
        {
            foreach (var rule in new[] { "log", "Brier", "RPS" })
            {
                scores.AddColumn(new TableColumn(TerminalText.Markup($"{Names[name]} {rule}")).RightAligned());
            }
        }

        foreach (var (label, cells) in rows)
        {
            scores.AddRow([label, .. cells.SelectMany(c => c)]);
        }

        return scores;
    }

    /// <summary>A forecast's three cells of a row; an RPS of null is left blank (the agreement has none).</summary>
    public static string[] Cells(double logScore, double brier, double? rankedProbability) =>
        [Numbers.Format(logScore, Score), Numbers.Format(brier, Score), rankedProbability is { } rps ? Numbers.Format(rps, Score) : ""];

    /// <summary>Which forecast has the best total of each score, said plainly.</summary>
    public static string Best(ScoreComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return Best(comparison.BestLogScore, comparison.BestBrier, comparison.BestRankedProbability);
    }

    /// <summary>The line naming the forecasts (<see cref="Names"/>' keys) with the best total log score, Brier and RPS.</summary>
    public static string Best(string logScore, string brier, string rankedProbability) =>
        $"Best total: log score (higher is better) {Names[logScore]}; Brier (lower is better) {Names[brier]}; RPS (lower is better) {Names[rankedProbability]}";
}
