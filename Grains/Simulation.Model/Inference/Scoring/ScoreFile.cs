using System.Text.Json;
using System.Text.Json.Nodes;

namespace Simulation.Model.Inference.Scoring;

/// <summary>
/// A forecast's scores as JSON (DESIGN §9): <c>{episode, issues: [{issue, observed, log_score, brier,
/// rps}], not_scored: [issue], agreement: {agreed, log_score, brier}, total: {log_score, brier, rps}}</c>,
/// an observed level written as the forecast writes levels (<see cref="IssueLevel.ToJson"/>).
/// </summary>
public static class ScoreFile
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    /// <summary><paramref name="score"/> of episode <paramref name="episode"/>, whose table <paramref name="table"/> gives the observed levels' values.</summary>
    public static string Write(string episode, ForecastScore score, NegotiationIssues table)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(table);
        var json = new JsonObject
        {
            ["episode"] = episode,
            ["negotiation"] = table.Negotiation,
            ["issues"] = new JsonArray([.. score.Issues.Select(issue => (JsonNode)new JsonObject
            {
                ["issue"] = issue.Issue,
                ["observed"] = table.Find(issue.Issue)!.Levels[issue.Observed].ToJson(),
                ["log_score"] = issue.LogScore,
                ["brier"] = issue.Brier,
                ["rps"] = issue.RankedProbability,
            })]),
            ["not_scored"] = new JsonArray([.. score.NotScored.Select(issue => (JsonNode)JsonValue.Create(issue))]),
            ["agreement"] = new JsonObject
            {
                ["agreed"] = score.Agreement.Agreed,
                ["log_score"] = score.Agreement.LogScore,
                ["brier"] = score.Agreement.Brier,
            },
            ["total"] = new JsonObject
            {
                ["log_score"] = score.LogScore,
                ["brier"] = score.Brier,
                ["rps"] = score.RankedProbability,
            },
        };
        return json.ToJsonString(s_indented) + "\n";
    }
}
