using Simulation.Model.Inference.Scoring;

namespace Simulation.Model.Inference.Forecasts;

/// <summary>
/// The predictive distribution of one negotiation's end (DESIGN §9): the probability it agrees, for
/// each issue the probability of each level, and each country's welfare change with a 90% interval.
/// Built from runs (<see cref="Of"/>), a probability is a count over the number of runs, so each
/// issue's counts add up to the runs exactly and its probabilities to 1 up to the rounding of the
/// divisions. <see cref="Runs"/> is the number of runs behind it; the <see cref="Baselines"/> that are
/// not made of runs have 0 and no welfare.
/// </summary>
public sealed record ForecastDistribution(
    string Negotiation,
    int Runs,
    double AgreementProbability,
    IReadOnlyList<IssueForecast> Issues,
    IReadOnlyDictionary<string, WelfareInterval> Welfare)
{
    /// <summary>The distribution of <paramref name="runs"/>' ends on <paramref name="issues"/>' table.</summary>
    /// <exception cref="ArgumentException">No runs, or a run whose levels do not fit the table.</exception>
    public static ForecastDistribution Of(NegotiationIssues issues, IReadOnlyList<RunEnd> runs)
    {
        ArgumentNullException.ThrowIfNull(issues);
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("a forecast needs at least one run", nameof(runs));
        }

        var counts = issues.Issues.Select(axis => new int[axis.LevelCount]).ToArray();
        var agreements = 0;
        var welfare = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            if (run.Levels.Count != counts.Length)
            {
                throw new ArgumentException($"a run ends {run.Levels.Count} issues, but {issues.Negotiation} has {counts.Length}", nameof(runs));
            }

            agreements += run.Agreed ? 1 : 0;
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i][run.Levels[i]]++;
            }

            foreach (var (country, change) in run.WelfareChange)
            {
                if (!welfare.TryGetValue(country, out var values))
                {
                    welfare[country] = values = [];
                }

                values.Add(change);
            }
        }

        double Share(int count) => (double)count / runs.Count;
        return new ForecastDistribution(
            issues.Negotiation,
            runs.Count,
            Share(agreements),
            [.. issues.Issues.Select((axis, i) => new IssueForecast(axis.Key, axis.Levels, [.. counts[i].Select(Share)]))],
            welfare.ToDictionary(w => w.Key, w => WelfareInterval.Of(w.Value), StringComparer.Ordinal));
    }

    /// <summary>
    /// What stands in the way of scoring this forecast against <paramref name="observed"/> on
    /// <paramref name="table"/> (an episode's): another negotiation, an observed issue the forecast
    /// lacks, or an issue whose levels differ from the table's (a forecast of another table). Empty when it can be scored.
    /// </summary>
    public IReadOnlyList<string> Mismatches(NegotiationIssues table, ObservedOutcome observed)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(observed);
        if (!string.Equals(table.Negotiation, Negotiation, StringComparison.Ordinal))
        {
            return [$"the forecast is of negotiation {Negotiation}, the episode of {table.Negotiation}"];
        }

        var problems = new List<string>();
        for (var i = 0; i < table.Issues.Count; i++)
        {
            if (observed.Levels[i] is null)
            {
                continue;
            }

            var axis = table.Issues[i];
            var forecast = Issues.FirstOrDefault(f => string.Equals(f.Issue, axis.Key, StringComparison.Ordinal));
            if (forecast is null)
            {
                problems.Add($"the issue {axis.Key} was observed but the forecast has no forecast of it (it has {string.Join(", ", Issues.Select(f => f.Issue))})");
            }
            else if (!forecast.IsOn(axis))
            {
                problems.Add($"the forecast of {axis.Key} has the levels ({string.Join(", ", forecast.Levels)}) but the episode's table has ({string.Join(", ", axis.Levels)})");
            }
        }

        return problems;
    }

    /// <summary>
    /// The scores of this forecast against what was observed on <paramref name="table"/> (DESIGN §9):
    /// each observed issue in the table's order, the agreement, the sums. The forecast's issues that
    /// were not observed are <see cref="ForecastScore.NotScored"/>.
    /// </summary>
    /// <exception cref="ArgumentException">It cannot be scored there (<see cref="Mismatches"/>).</exception>
    public ForecastScore ScoreAgainst(NegotiationIssues table, ObservedOutcome observed)
    {
        if (Mismatches(table, observed) is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(observed));
        }

        var scored = new List<IssueScore>();
        for (var i = 0; i < table.Issues.Count; i++)
        {
            if (observed.Levels[i] is { } level)
            {
                var key = table.Issues[i].Key;
                scored.Add(IssueScore.Of(key, Issues.First(f => string.Equals(f.Issue, key, StringComparison.Ordinal)).Probabilities, level));
            }
        }

        var notScored = Issues.Select(f => f.Issue).Where(key => scored.All(s => !string.Equals(s.Issue, key, StringComparison.Ordinal))).ToList();
        return new ForecastScore(scored, AgreementScore.Of(AgreementProbability, observed.Agreed)) { NotScored = notScored };
    }
}
