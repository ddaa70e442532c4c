using Simulation.Model.Negotiation;

namespace Simulation.Model.Reporting;

/// <summary>A negotiation's <see cref="NegotiationAnalysis"/> as it appears in a run's outcome: outcomes as tariffs, utilities by party.</summary>
public static class AnalysisOutcomes
{
    public static AnalysisOutcome From(NegotiationAnalysis analysis, TariffAgenda agenda)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(agenda);
        var parties = agenda.Spec.Parties;
        BargainingPointOutcome Point(BargainingPoint point) =>
            new(OutcomeEntries.Of(agenda, point.Outcome), ByParty(parties, point.Utilities));

        return new AnalysisOutcome(
            analysis.ParetoDistance,
            analysis.NashDistance,
            analysis.ParetoSize,
            analysis.FrontierEpsilon,
            analysis.Nash is { } nash ? Point(nash) : null,
            analysis.KalaiSmorodinsky is { } ks ? Point(ks) : null,
            Point(analysis.MaxSocialWelfare),
            [.. analysis.FrontierPoints.Select(p => new FrontierPointOutcome(
                OutcomeEntries.Of(agenda, p.Outcome), ByParty(parties, p.Utilities), ByParty(parties, p.Gains)))]);
    }

    private static Dictionary<string, double> ByParty(IReadOnlyList<string> parties, IReadOnlyList<double> values) =>
        parties.Select((party, i) => (party, i)).ToDictionary(x => x.party, x => values[x.i], StringComparer.Ordinal);
}
