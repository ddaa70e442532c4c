using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;

namespace Simulation.Model.Inference.Forecasts;

/// <summary>
/// What a forecast keeps of one run (DESIGN §9): whether the negotiation forecast agreed, the level
/// each of its issues ended at (<see cref="NegotiationIssues.EndLevels"/>: the status quo unless it
/// agreed), and every country's welfare change ΔW (<see cref="WelfareAccount.Total"/>), in the
/// scenario's unit at world prices.
/// </summary>
public sealed record RunEnd(bool Agreed, IReadOnlyList<int> Levels, IReadOnlyDictionary<string, double> WelfareChange)
{
    /// <summary>The end of <paramref name="issues"/>' negotiation in <paramref name="outcome"/>, a run of its scenario.</summary>
    /// <exception cref="ArgumentException">The run has no such negotiation, or its agreement is off the table.</exception>
    public static RunEnd Of(NegotiationIssues issues, RunOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(issues);
        ArgumentNullException.ThrowIfNull(outcome);
        var negotiation = outcome.Negotiations.FirstOrDefault(n => string.Equals(n.Id, issues.Negotiation, StringComparison.Ordinal))
            ?? throw new ArgumentException($"The run has no negotiation {issues.Negotiation}.", nameof(outcome));
        var welfare = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var country in outcome.Countries)
        {
            welfare[country.Id] = country.Welfare.Total;
        }

        return new RunEnd(negotiation.Status == NegotiationStatus.Agreed, issues.EndLevels(negotiation), welfare);
    }
}
