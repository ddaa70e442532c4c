using Simulation.Model.Reporting;
using Simulation.Model.Scenarios;
using Simulation.Model.Negotiation;

namespace Simulation.Client.Batch;

/// <summary>
/// The outcome measures a sensitivity batch reports, named as <c>--measure</c> takes them. Per
/// negotiation: <c>NEG.agreed</c> (1 if agreed, else 0, so its mean is the agreement rate and its
/// correlation with an input the point-biserial r), <c>NEG.round</c> (of the agreement, or the last
/// played), and per party <c>NEG.PARTY.utility</c> and <c>NEG.PARTY.gain</c> (in the scenario's
/// units; 0 without agreement; its objective's score, not welfare); per country
/// <c>COUNTRY.welfare</c>, its welfare change ΔW, and <c>COUNTRY.objective</c>, the value of its own
/// objective, both at the end of the run. In the order of the scenario's negotiations, parties and countries.
/// </summary>
internal sealed class OutcomeMeasures
{
    private OutcomeMeasures(IReadOnlyList<string> names) => Names = names;

    public IReadOnlyList<string> Names { get; }

    /// <summary>The default measure of a tornado: the first negotiation's first party's gain (the first country's objective without a negotiation).</summary>
    public string Default => Names.FirstOrDefault(n => n.EndsWith(".gain", StringComparison.Ordinal)) ?? Names[0];

    public static OutcomeMeasures For(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var names = new List<string>();
        foreach (var negotiation in scenario.Negotiations)
        {
            names.Add($"{negotiation.Id}.agreed");
            names.Add($"{negotiation.Id}.round");
            foreach (var party in negotiation.Parties)
            {
                names.Add($"{negotiation.Id}.{party}.utility");
                names.Add($"{negotiation.Id}.{party}.gain");
            }
        }

        names.AddRange(scenario.Countries.SelectMany(c => new[] { $"{c.Id}.welfare", $"{c.Id}.objective" }));
        return new OutcomeMeasures(names);
    }

    /// <summary>Every measure of <paramref name="outcome"/>, in the order of <see cref="Names"/>.</summary>
    public IReadOnlyList<double> Of(RunOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var measures = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var negotiation in outcome.Negotiations)
        {
            measures[$"{negotiation.Id}.agreed"] = negotiation.Status == NegotiationStatus.Agreed ? 1 : 0;
            measures[$"{negotiation.Id}.round"] = negotiation.Round;
            foreach (var party in negotiation.Parties)
            {
                measures[$"{negotiation.Id}.{party}.utility"] = negotiation.Utility[party];
                measures[$"{negotiation.Id}.{party}.gain"] = negotiation.Gain[party];
            }
        }

        foreach (var country in outcome.Countries)
        {
            measures[$"{country.Id}.welfare"] = country.Welfare.Total;
            measures[$"{country.Id}.objective"] = country.Objective.Value;
        }

        return [.. Names.Select(name => measures.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"the run's outcome has no {name}, which its scenario names"))];
    }
}
