using Orleans.Placement;
using Simulation.Grains.Abstractions.Countries;
using Simulation.Grains.Negotiations;
using Simulation.Model.Economics;
using Simulation.Model.Economics.Objectives;
using Simulation.Model.Negotiation;
using Simulation.Model.Runs;
using Simulation.Model.Scenarios;
using Simulation.Model.Scenarios.Events;

namespace Simulation.Grains.Countries;

/// <summary>
/// A country in a run. Thin: it keeps the scenario and the world it has been told about, and its
/// seats at the negotiations it is party to; every decision is made by the model's negotiator.
/// Placed on the caller's silo so a run's chatter stays local (DESIGN §2).
/// </summary>
[PreferLocalPlacement]
public sealed class CountryGrain : Grain, ICountryGrain
{
    private CountryBrief? brief;
    private Scenario? scenario;
    private Scenario? countries;
    private int changesSeen;
    private Dictionary<string, NegotiationSeat> seats = [];

    public Task JoinAsync(CountryBrief brief)
    {
        this.brief = brief;
        var scenario = ScenarioLoader.Parse(brief.ScenarioText, brief.ScenarioFile);
        this.scenario = scenario;
        countries = scenario;
        seats = TakeSeats(brief.TariffChangesSoFar, brief.QuotaChangesSoFar, scenario.Negotiations.Where(n => n.Parties.Contains(brief.Country)).Select(n => n.Id));
        return Task.CompletedTask;
    }

    public Task UpdateWorldAsync(IReadOnlyList<TariffSetting> tariffChangesSoFar, IReadOnlyList<QuotaSetting> quotaChangesSoFar, IReadOnlyList<string> negotiationIds)
    {
        // Repriced, not replaced: each negotiator keeps its history and opponent model, and only
        // the sectors whose tariffs changed are solved again (DESIGN §2 "Seams").
        var world = WorldWith(tariffChangesSoFar, quotaChangesSoFar);
        foreach (var id in negotiationIds)
        {
            if (seats.TryGetValue(id, out var seat))
            {
                seat.Reprice(world);
            }
            else
            {
                seats[id] = NegotiationSeat.Take(Countries, Countries.Negotiation(id), Brief.Country, world);
            }
        }

        return Task.CompletedTask;
    }

    public Task ReviseAsync(IReadOnlyList<int> countryEventsSoFar, IReadOnlyList<TariffSetting> tariffChangesSoFar, IReadOnlyList<QuotaSetting> quotaChangesSoFar, IReadOnlyList<string> negotiationIds)
    {
        countries = ScenarioRevision.After(Scenario, countryEventsSoFar);
        var world = WorldWith(tariffChangesSoFar, quotaChangesSoFar);
        foreach (var id in negotiationIds)
        {
            Seat(id).Revise(Countries, world);
        }

        return Task.CompletedTask;
    }

    public Task<TurnDecision> DecideAsync(TurnRequest request)
    {
        var seat = Seat(request.NegotiationId);
        var action = InProcessRun.Decide(seat, Brief.Seed, request.NegotiationId, MoveMessages.ToContext(request));
        return Task.FromResult(MoveMessages.ToDecision(action, seat.Negotiator.Snapshot().LastTarget));
    }

    public Task<PartyAssessment> AssessAsync(string negotiationId, IReadOnlyList<int>? outcome, int? offerTurn = null)
    {
        var assessment = InProcessRun.Assess(Seat(negotiationId), outcome is null ? null : new Outcome([.. outcome]), offerTurn);
        return Task.FromResult(new PartyAssessment(assessment.Utility, assessment.Reservation, assessment.Gain));
    }

    public Task<IReadOnlyList<double>> UtilitiesAsync(string negotiationId, IReadOnlyList<IReadOnlyList<int>> outcomes) =>
        Task.FromResult(InProcessRun.Utilities(Seat(negotiationId), [.. outcomes.Select(o => new Outcome([.. o]))]));

    public Task<CountryState> GetState()
    {
        var country = brief?.Country ?? this.GetPrimaryKeyString();
        var entry = (countries ?? scenario)?.Countries.FirstOrDefault(c => c.Id == country);
        var objective = entry is null ? "" : entry.Objective.Name;
        var views = seats.Values
            .Select(s => new NegotiatorView(s.Agenda.Spec.Id, s.Strategy.Label, s.Preferences.Reservation, s.Negotiator.Snapshot().LastTarget))
            .ToList();
        return Task.FromResult(new CountryState(country, objective, changesSeen, views) { Name = entry?.Name, RunId = brief?.RunId });
    }

    private CountryBrief Brief => brief ?? throw new InvalidOperationException($"Country {this.GetPrimaryKeyString()} has not joined a run.");

    private NegotiationSeat Seat(string negotiationId) =>
        seats.TryGetValue(negotiationId, out var seat)
            ? seat
            : throw new InvalidOperationException($"{Brief.Country} has no seat at negotiation {negotiationId}.");

    private Scenario Scenario => scenario ?? throw new InvalidOperationException("No scenario.");

    /// <summary>The scenario with the country changes applied so far (<see cref="ScenarioRevision"/>).</summary>
    private Scenario Countries => countries ?? throw new InvalidOperationException("No scenario.");

    /// <summary>The base world with <paramref name="tariffChangesSoFar"/> and <paramref name="quotaChangesSoFar"/> applied.</summary>
    private World WorldWith(IReadOnlyList<TariffSetting> tariffChangesSoFar, IReadOnlyList<QuotaSetting> quotaChangesSoFar)
    {
        changesSeen = tariffChangesSoFar.Count + quotaChangesSoFar.Count;
        return WorldSettings.Apply(Scenario, tariffChangesSoFar, quotaChangesSoFar);
    }

    /// <summary>Its seats at <paramref name="negotiationIds"/>, priced in the base world with <paramref name="tariffChangesSoFar"/> applied; each negotiator built through the strategy registries.</summary>
    private Dictionary<string, NegotiationSeat> TakeSeats(IReadOnlyList<TariffSetting> tariffChangesSoFar, IReadOnlyList<QuotaSetting> quotaChangesSoFar, IEnumerable<string> negotiationIds)
    {
        var world = WorldWith(tariffChangesSoFar, quotaChangesSoFar);
        return negotiationIds.ToDictionary(id => id, id => NegotiationSeat.Take(Scenario, Scenario.Negotiation(id), Brief.Country, world), StringComparer.Ordinal);
    }
}
