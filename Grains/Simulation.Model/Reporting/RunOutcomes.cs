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
            [.. result.Events.Select(EventOf)],
            solutions.SelectMany(s => s.Warnings).ToList());
    }

    /// <summary>An applied event with the fields of its type (DESIGN §6.2).</summary>
    private static EventOutcome EventOf(AppliedEvent applied) => applied.Event switch
    {
        TerminateEvent e => new(applied.Round, e.Type, Negotiation: e.Negotiation, By: e.By),
        StartEvent e => new(applied.Round, e.Type, Negotiation: e.Negotiation),
        SetTariffEvent e => new(
            applied.Round, e.Type, Importer: e.Importer, Exporter: e.Exporter, Sector: e.Sector ?? SetTariffEvent.AllSectors,
            Tariff: e.TariffPercent, Sectors: [.. applied.TariffChanges.Select(c => c.Line.Sector)]),
        SetStrategyEvent e => new(applied.Round, e.Type, Country: e.Country, Strategy: e.Strategy.Label),
        SetWeightsEvent e => new(
            applied.Round, e.Type, Country: e.Country,
            LobbyWeights: e.LobbyWeights?.ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal),
            PartnerWeights: e.PartnerWeights?.ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal)),
        _ => throw new InvalidOperationException($"Unknown event type {applied.Event.Type}."),
    };

    private static TurnOutcome HistoryOf(NegotiationSpec spec, TariffAgenda agenda, TurnPlayed turn) =>
        new(
            turn.Round,
            turn.Turn,
            turn.Party,
            turn.Action,
            turn.Offer is { } offer ? OutcomeEntries.Of(agenda, offer) : null,
            turn.Offer is null ? null : spec.Parties.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => turn.Utilities[x.i]));
}
