using System.Security.Cryptography;
using System.Text;
using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Runs;
using Simulation.Model.Scenarios;
using Simulation.Model.Scenarios.Events;

namespace Simulation.Model.Reporting;

/// <summary>
/// The one assembly of a run's outcome (DESIGN §6.2) from the engine's result, whichever engine
/// played it (grains or in-process), so the same run gives byte-identical JSON.
/// </summary>
public static class RunOutcomes
{
    public static RunOutcome Assemble(Scenario scenario, RunResult result, string scenarioText, string scenarioFile, long seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(scenarioText);
        var negotiations = new List<NegotiationOutcome>();
        foreach (var negotiation in result.Negotiations)
        {
            var spec = scenario.Negotiation(negotiation.Id);
            var agenda = TariffAgenda.For(spec);
            var assessments = negotiation.Assessments;
            negotiations.Add(new NegotiationOutcome(
                spec.Id,
                spec.Parties,
                spec.Protocol,
                NegotiationStatusNames.Name(negotiation.Status),
                negotiation.Round,
                negotiation.Agreement is { } agreed ? OutcomeEntries.Of(agenda, agreed) : null,
                spec.Parties.ToDictionary(p => p, p => assessments[p].Utility),
                spec.Parties.ToDictionary(p => p, p => assessments[p].Reservation),
                spec.Parties.ToDictionary(p => p, p => assessments[p].Gain),
                AnalysisOutcomes.From(negotiation.Analysis, agenda),
                [.. negotiation.History.Select(t => HistoryOf(spec, agenda, t))]));
        }

        var world = AgreedWorld.Of(scenario, result.TariffChanges, result.QuotaChanges);
        var solutions = world.Solve(scenario.Model);
        return new RunOutcome(
            new ScenarioInfo(scenario.Name, scenarioFile, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scenarioText)))),
            seed,
            scenario.Model.Name,
            result.RoundsPlayed,
            negotiations,
            CountryOutcomes.For(scenario, solutions),
            [.. result.Events.Select(e => EventTypes.Of(e.Event).Outcome(e))],
            solutions.SelectMany(s => s.Warnings).ToList());
    }

    private static TurnOutcome HistoryOf(NegotiationSpec spec, TariffAgenda agenda, TurnPlayed turn) =>
        new(
            turn.Round,
            turn.Turn,
            turn.Party,
            turn.Action,
            turn.Offer is { } offer ? OutcomeEntries.Of(agenda, offer) : null,
            turn.Offer is null ? null : spec.Parties.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => turn.Utilities[x.i]));
}
