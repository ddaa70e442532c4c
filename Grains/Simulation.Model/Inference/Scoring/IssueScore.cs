namespace Simulation.Model.Inference.Scoring;

/// <summary>
/// The scores of a forecast of one issue against the level observed (its index on the issue's list,
/// status quo first), the forecast smoothed first (DESIGN §9; <see cref="ScoringRules"/>).
/// </summary>
public sealed record IssueScore(string Issue, int Observed, double LogScore, double Brier, double RankedProbability)
{
    /// <summary>Smooths <paramref name="probabilities"/> and scores them against level <paramref name="observed"/>.</summary>
    public static IssueScore Of(string issue, IReadOnlyList<double> probabilities, int observed)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var smoothed = ScoringRules.Smooth(probabilities);
        return new IssueScore(
            issue,
            observed,
            ScoringRules.LogScore(smoothed, observed),
            ScoringRules.Brier(smoothed, observed),
            ScoringRules.RankedProbability(smoothed, observed));
    }
}
