namespace Simulation.Model.Inference.Scoring;

/// <summary>
/// The scores of a forecast probability of agreement against whether the negotiation agreed: the
/// probability smoothed over the two outcomes (p ← 0.99 p + 0.005), then the binary log score
/// ln p(what happened) and the binary Brier score (p − 1[agreed])², the form usual for one event
/// (half of <see cref="ScoringRules.Brier"/> over the two outcomes, which counts the miss twice).
/// </summary>
public sealed record AgreementScore(bool Agreed, double LogScore, double Brier)
{
    public static AgreementScore Of(double probability, bool agreed)
    {
        var smoothed = ScoringRules.Smooth([1 - probability, probability]);
        var observed = agreed ? 1 : 0;
        var miss = smoothed[1] - observed;
        return new AgreementScore(agreed, ScoringRules.LogScore(smoothed, observed), miss * miss);
    }
}
