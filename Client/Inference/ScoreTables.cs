using Simulation.Client.Output;
using Simulation.Model.Inference;
using Simulation.Model.Inference.Scoring;
using Spectre.Console;

namespace Simulation.Client.Inference;

/// <summary>A forecast's scores for a person: each observed issue, the agreement, and the sums over the issues.</summary>
internal static class ScoreTables
{
    private const string Score = "0.0000";

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
}
