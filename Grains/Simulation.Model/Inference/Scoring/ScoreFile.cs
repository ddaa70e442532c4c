using System.Text.Json;
using System.Text.Json.Nodes;

namespace Simulation.Model.Inference.Scoring;

/// <summary>
/// A forecast's scores as JSON (DESIGN §9): <c>{episode, issues: [{issue, observed, log_score, brier,
/// rps}], not_scored: [issue], agreement: {agreed, log_score, brier}, total: {log_score, brier, rps}}</c>
/// and, when the baselines were scored, <c>baselines: {status_quo, uniform, single_run}</c>, each with the same fields,
/// an observed level written as the forecast writes levels (<see cref="IssueLevel.ToJson"/>).
/// </summary>
public static class ScoreFile
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    /// <summary><paramref name="score"/> of episode <paramref name="episode"/>, whose table <paramref name="table"/> gives the observed levels' values.</summary>
    public static string Write(string episode, ForecastScore score, NegotiationIssues table, ScoreComparison? comparison = null)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(table);
        var json = new JsonObject
        {
            ["episode"] = episode,
            ["negotiation"] = table.Negotiation,
        };
        foreach (var (key, value) in Body(score, table))
        {
            json[key] = value?.DeepClone();
        }

        if (comparison is not null)
        {
            json["baselines"] = Baselines(comparison, table);
        }

        return json.ToJsonString(s_indented) + "\n";
    }

    /// <summary>
    /// <paramref name="comparison"/>'s baselines, each as <see cref="Body"/> writes a score: <c>{status_quo: {issues,
    /// not_scored, agreement, total}, uniform: {...}, single_run: {...}}</c>, single_run only when it was played.
    /// </summary>
    public static JsonObject Baselines(ScoreComparison comparison, NegotiationIssues table)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var baselines = new JsonObject();
        foreach (var (name, score) in comparison.Forecasts.Skip(1))
        {
            baselines[name] = Body(score, table);
        }

        return baselines;
    }

    /// <summary>One forecast's scores: <c>{issues: [{issue, observed, log_score, brier, rps}], not_scored, agreement, total}</c>.</summary>
    public static JsonObject Body(ForecastScore score, NegotiationIssues table)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(table);
        return new JsonObject
        {
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
    }
}
