using Orleans.Placement;
using Simulation.Grains.Abstractions.Countries;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Grains.Scenarios;
using Simulation.Model.Economics;
using Simulation.Model.Economics.Objectives;
using Simulation.Model.Negotiation;
using Simulation.Model.Runs;
using Simulation.Model.Scenarios;
using Simulation.Model.Scenarios.Events;

namespace Simulation.Grains.Countries;

/// <summary>
/// A country in a run. Thin: it keeps the scenario (from its silo's <see cref="ScenarioCache"/>) and
/// its seats at the negotiations it is party to; every decision and valuation is its seat's, as in
/// <see cref="InProcessRun"/>. Placed on the caller's silo so a run's chatter stays local (DESIGN §2).
/// </summary>
[PreferLocalPlacement]
public sealed class CountryGrain(ScenarioCache scenarios) : Grain, ICountryGrain
{
    private CountryBrief? brief;
    private Scenario? scenario;
    private Scenario? countries;
    private int changesSeen;
    private Dictionary<string, NegotiationSeat> seats = [];

    public async Task JoinAsync(CountryBrief brief)
    {
        var scenario = await scenarios.GetAsync(
            brief.ScenarioKey, brief.ScenarioFile, () => GrainFactory.GetGrain<IRunGrain>(brief.RunId).GetScenarioTextAsync());
        this.brief = brief;
        this.scenario = scenario;
        countries = scenario;
        var world = WorldWith([], []);
        seats = scenario.Negotiations
            .Where(n => n.Parties.Contains(brief.Country))
            .ToDictionary(n => n.Id, n => NegotiationSeat.Take(scenario, n, brief.Country, world), StringComparer.Ordinal);
    }

    public Task UpdateWorldAsync(IReadOnlyList<TariffChange> tariffChangesSoFar, IReadOnlyList<QuotaChange> quotaChangesSoFar, IReadOnlyList<string> negotiationIds)
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

    public Task ReviseAsync(IReadOnlyList<int> countryEventsSoFar, IReadOnlyList<TariffChange> tariffChangesSoFar, IReadOnlyList<QuotaChange> quotaChangesSoFar, IReadOnlyList<string> negotiationIds)
    {
        countries = ScenarioRevision.After(Scenario, countryEventsSoFar);
        var world = WorldWith(tariffChangesSoFar, quotaChangesSoFar);
        foreach (var id in negotiationIds)
        {
            Seat(id).Revise(Countries, world);
        }

        return Task.CompletedTask;
    }

    public Task<TurnReply> TakeTurnAsync(string negotiationId, TurnContext turn, IReadOnlyList<Outcome> toValue)
    {
        // Valued after deciding, in the same world: the run engine values a round's offers after it.
        var seat = Seat(negotiationId);
        var move = seat.Decide(Brief.Seed, turn);
        IReadOnlyList<Outcome> valued = move is Offer offer ? [.. toValue, offer.Outcome] : toValue;
        return Task.FromResult(new TurnReply(move, valued.Count == 0 ? [] : seat.Utilities(valued)));
    }

    public Task<SeatAssessment> AssessAsync(string negotiationId, Outcome? agreement, int? offerTurn) =>
        Task.FromResult(Seat(negotiationId).Assess(agreement, offerTurn));

    public Task<IReadOnlyList<double>> UtilitiesAsync(string negotiationId, IReadOnlyList<Outcome> outcomes) =>
        Task.FromResult(Seat(negotiationId).Utilities(outcomes));

    public Task ReleaseAsync()
    {
        this.DeactivateOnIdle();
        return Task.CompletedTask;
    }

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

    private CountryBrief Brief => brief ?? throw new RunPartLostException($"Country {this.GetPrimaryKeyString()} has not joined a run.");

    private NegotiationSeat Seat(string negotiationId) =>
        seats.TryGetValue(negotiationId, out var seat)
            ? seat
            : throw new InvalidOperationException($"{Brief.Country} has no seat at negotiation {negotiationId}.");

    private Scenario Scenario => scenario ?? throw new InvalidOperationException("No scenario.");

    /// <summary>The scenario with the country changes applied so far (<see cref="ScenarioRevision"/>).</summary>
    private Scenario Countries => countries ?? throw new InvalidOperationException("No scenario.");

    /// <summary>The base world with <paramref name="tariffChangesSoFar"/> and <paramref name="quotaChangesSoFar"/> applied (<see cref="AgreedWorld"/>).</summary>
    private World WorldWith(IReadOnlyList<TariffChange> tariffChangesSoFar, IReadOnlyList<QuotaChange> quotaChangesSoFar)
    {
        changesSeen = tariffChangesSoFar.Count + quotaChangesSoFar.Count;
        return AgreedWorld.Of(Scenario, tariffChangesSoFar, quotaChangesSoFar);
    }
}
