using System.Text.Json;
using System.Text.Json.Nodes;
using Simulation.Model.Inference.Scoring;

namespace Simulation.Client.Inference;

/// <summary>
/// <c>leave-one-out.json</c> (DESIGN §9): <c>{episodes: [{episode, tradesim: {log_score, brier, rps,
/// agreement: {agreed, log_score, brier}}, status_quo: {...}, uniform: {...}, single_run: {...}}],
/// total: {tradesim: {log_score, brier, rps, agreement: {log_score, brier}}, ...}}</c>: each episode's
/// totals over its observed issues, per forecast, and their sums over the episodes.
/// </summary>
internal static class LeaveOneOutFile
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    /// <summary>A forecast's scores summed over episodes: its issues' totals and the agreement's.</summary>
    public sealed record Total(double LogScore, double Brier, double RankedProbability, double AgreementLogScore, double AgreementBrier);

    public static string Write(IReadOnlyList<(string Episode, ScoreComparison Scores)> results)
    {
        var episodes = new JsonArray();
        foreach (var (episode, scores) in results)
        {
            var entry = new JsonObject { ["episode"] = episode };
            foreach (var (name, score) in scores.Forecasts)
            {
                entry[name] = new JsonObject
                {
                    ["log_score"] = score.LogScore,
                    ["brier"] = score.Brier,
                    ["rps"] = score.RankedProbability,
                    ["agreement"] = new JsonObject
                    {
                        ["agreed"] = score.Agreement.Agreed,
                        ["log_score"] = score.Agreement.LogScore,
                        ["brier"] = score.Agreement.Brier,
                    },
                };
            }

            episodes.Add(entry);
        }

        var total = new JsonObject();
        var totals = Totals(results.Select(r => r.Scores));
        foreach (var name in results.Take(1).SelectMany(r => r.Scores.Forecasts).Select(f => f.Name))
        {
            var sum = totals[name];
            total[name] = new JsonObject
            {
                ["log_score"] = sum.LogScore,
                ["brier"] = sum.Brier,
                ["rps"] = sum.RankedProbability,
                ["agreement"] = new JsonObject { ["log_score"] = sum.AgreementLogScore, ["brier"] = sum.AgreementBrier },
            };
        }

        return new JsonObject { ["episodes"] = episodes, ["total"] = total }.ToJsonString(s_indented) + "\n";
    }

    /// <summary>Each forecast's scores summed over the episodes, by the forecast's name.</summary>
    public static IReadOnlyDictionary<string, Total> Totals(IEnumerable<ScoreComparison> comparisons)
    {
        var totals = new Dictionary<string, Total>(StringComparer.Ordinal);
        foreach (var comparison in comparisons)
        {
            foreach (var (name, score) in comparison.Forecasts)
            {
                var sum = totals.GetValueOrDefault(name, new Total(0, 0, 0, 0, 0));
                totals[name] = new Total(sum.LogScore + score.LogScore, sum.Brier + score.Brier, sum.RankedProbability + score.RankedProbability,
                    sum.AgreementLogScore + score.Agreement.LogScore, sum.AgreementBrier + score.Agreement.Brier);
            }
        }

        return totals;
    }
}
