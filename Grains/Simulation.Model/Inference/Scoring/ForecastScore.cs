namespace Simulation.Model.Inference.Scoring;

/// <summary>
/// A forecast of a negotiation scored against what was observed (DESIGN §9): each observed issue,
/// the agreement, and the sums of the issues' scores. The sums are over the issues scored only
/// (the agreement is reported beside them, not added), so that two forecasts of the same observed
/// issues compare by their totals.
/// </summary>
public sealed record ForecastScore(IReadOnlyList<IssueScore> Issues, AgreementScore Agreement)
{
    /// <summary>The issues the forecast gives that were not observed, so not scored.</summary>
    public IReadOnlyList<string> NotScored { get; init; } = [];

    /// <summary>Σ ln p(k̂) over the issues scored.</summary>
    public double LogScore => Issues.Sum(i => i.LogScore);

    /// <summary>Σ of the issues' Brier scores.</summary>
    public double Brier => Issues.Sum(i => i.Brier);

    /// <summary>Σ of the issues' ranked probability scores.</summary>
    public double RankedProbability => Issues.Sum(i => i.RankedProbability);
}
