using System.Globalization;
using Orleans.Placement;
using Simulation.Grains.Abstractions.Countries;
using Simulation.Grains.Negotiations;
using Simulation.Model.Determinism;
using Simulation.Model.Economics;
using Simulation.Model.Economics.Objectives;
using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios;

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
    private int changesSeen;
    private Dictionary<string, NegotiationSeat> seats = [];

    public Task JoinAsync(CountryBrief brief)
    {
        this.brief = brief;
        var scenario = ScenarioLoader.Parse(brief.ScenarioText, brief.ScenarioFile);
        this.scenario = scenario;
        seats = TakeSeats(brief.TariffChangesSoFar, scenario.Negotiations.Where(n => n.Parties.Contains(brief.Country)).Select(n => n.Id));
        return Task.CompletedTask;
    }

    public Task UpdateWorldAsync(IReadOnlyList<TariffSetting> tariffChangesSoFar, IReadOnlyList<string> negotiationIds)
    {
        foreach (var (id, seat) in TakeSeats(tariffChangesSoFar, negotiationIds))
        {
            seats[id] = seat;
        }

        return Task.CompletedTask;
    }

    public Task<TurnDecision> DecideAsync(TurnRequest request)
    {
        var seat = Seat(request.NegotiationId);
        INegotiator negotiator = seat.Negotiator;
        var turn = MoveMessages.ToContext(request);

        // A fresh generator per turn, seeded by (run seed, negotiation, party, turn): the same
        // scenario and seed make the same choices wherever and however often this grain activates.
        var random = SeededRandom.For(
            Brief.Seed, request.NegotiationId, seat.Party, request.TurnsTaken.ToString(CultureInfo.InvariantCulture));
        var action = negotiator.Decide(turn, random);
        return Task.FromResult(MoveMessages.ToDecision(action, negotiator.Snapshot().LastTarget));
    }

    public Task<PartyAssessment> AssessAsync(string negotiationId, IReadOnlyList<int>? outcome)
    {
        var seat = Seat(negotiationId);
        var preferences = seat.Preferences;
        if (outcome is null)
        {
            return Task.FromResult(new PartyAssessment(preferences.Reservation, preferences.Reservation, 0));
        }

        var chosen = new Outcome([.. outcome]);
        return Task.FromResult(new PartyAssessment(preferences.Utility(chosen), preferences.Reservation, preferences.Value(chosen)));
    }

    public Task<CountryState> GetState()
    {
        var country = brief?.Country ?? this.GetPrimaryKeyString();
        var objective = scenario?.Countries.FirstOrDefault(c => c.Id == country) is { } entry ? GovernmentObjectives.NameOf(entry.Objective) : "";
        var views = seats.Values
            .Select(s => new NegotiatorView(s.Agenda.Spec.Id, s.Strategy.Label, s.Preferences.Reservation, s.Negotiator.Snapshot().LastTarget))
            .ToList();
        return Task.FromResult(new CountryState(country, objective, changesSeen, views));
    }

    private CountryBrief Brief => brief ?? throw new InvalidOperationException($"Country {this.GetPrimaryKeyString()} has not joined a run.");

    private NegotiationSeat Seat(string negotiationId) =>
        seats.TryGetValue(negotiationId, out var seat)
            ? seat
            : throw new InvalidOperationException($"{Brief.Country} has no seat at negotiation {negotiationId}.");

    /// <summary>Its seats at <paramref name="negotiationIds"/>, priced in the base world with <paramref name="tariffChangesSoFar"/> applied.</summary>
    private Dictionary<string, NegotiationSeat> TakeSeats(IReadOnlyList<TariffSetting> tariffChangesSoFar, IEnumerable<string> negotiationIds)
    {
        var scenario = this.scenario ?? throw new InvalidOperationException("No scenario.");
        var world = World.FromScenario(scenario).With(tariffChangesSoFar.Select(t =>
            new TariffChange(new TariffLine(t.Importer, t.Exporter, t.Sector), t.TariffPercent)));
        changesSeen = tariffChangesSoFar.Count;
        return negotiationIds.ToDictionary(id => id, id => NegotiationSeat.Take(scenario, scenario.Negotiation(id), Brief.Country, world), StringComparer.Ordinal);
    }
}
