using Simulation.Grains.Abstractions.Countries;
using Simulation.Grains.Abstractions.Negotiations;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Runs;

namespace Simulation.Grains.Runs;

/// <summary>
/// The run engine's tables and parties as grains (DESIGN §2 "Seams"): each call is the same call on
/// the run's negotiation or country grain, with the model's own values. Grains are told the
/// scenario by its key in their silo's scenario cache (<see cref="Scenarios.ScenarioCache"/>).
/// A round's offers come back valued by every party with the round (<see cref="PlayedRound"/>), so
/// the engine's request for those values is answered here without a call (DESIGN §7).
/// </summary>
internal sealed class GrainRun(IGrainFactory grains, string runId, string scenarioKey, RunRequest request) : INegotiationTables, IRunParties
{
    // Grains resolved once each, not on every call.
    private readonly Dictionary<string, ICountryGrain> countries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, INegotiationGrain> negotiations = new(StringComparer.Ordinal);

    // The last round each negotiation played, with its parties' values of its offers, until the engine asks for them.
    private readonly Dictionary<string, PlayedRound> played = new(StringComparer.Ordinal);

    public Task OpenAsync(TariffAgenda agenda)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        return Negotiation(agenda.Spec.Id).OpenAsync(new NegotiationBrief(runId, agenda.Spec.Id, scenarioKey, request.ScenarioFile, request.Seed));
    }

    public async Task<RoundReport> PlayRoundAsync(string negotiationId)
    {
        var round = await Negotiation(negotiationId).PlayValuedRoundAsync();
        played[negotiationId] = round;
        return round.Report;
    }

    public Task<RoundReport> TerminateAsync(string negotiationId) => Negotiation(negotiationId).TerminateAsync();

    public Task JoinAsync(string party) =>
        Country(party).JoinAsync(new CountryBrief(runId, party, scenarioKey, request.ScenarioFile, request.Seed));

    public Task UpdateWorldAsync(string party, IReadOnlyList<TariffChange> tariffChangesSoFar, IReadOnlyList<QuotaChange> quotaChangesSoFar, IReadOnlyList<string> negotiationIds) =>
        Country(party).UpdateWorldAsync(tariffChangesSoFar, quotaChangesSoFar, negotiationIds);

    public Task ReviseAsync(string party, IReadOnlyList<int> countryEventsSoFar, IReadOnlyList<TariffChange> tariffChangesSoFar, IReadOnlyList<QuotaChange> quotaChangesSoFar, IReadOnlyList<string> negotiationIds) =>
        Country(party).ReviseAsync(countryEventsSoFar, tariffChangesSoFar, quotaChangesSoFar, negotiationIds);

    public Task<SeatAssessment> AssessAsync(string party, string negotiationId, Outcome? agreement, int? offerTurn) =>
        Country(party).AssessAsync(negotiationId, agreement, offerTurn);

    /// <remarks>The values of the offers of the round just played come with it; any other outcomes are asked of the country.</remarks>
    public Task<IReadOnlyList<double>> UtilitiesAsync(string party, string negotiationId, IReadOnlyList<Outcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (played.TryGetValue(negotiationId, out var round)
            && round.Utilities.TryGetValue(party, out var values)
            && round.Report.Turns.Where(t => t.Offer is not null).Select(t => t.Offer!).SequenceEqual(outcomes))
        {
            return Task.FromResult(values);
        }

        return Country(party).UtilitiesAsync(negotiationId, outcomes);
    }

    private ICountryGrain Country(string id)
    {
        if (!countries.TryGetValue(id, out var country))
        {
            countries[id] = country = grains.GetGrain<ICountryGrain>(RunIds.Country(runId, id));
        }

        return country;
    }

    private INegotiationGrain Negotiation(string id)
    {
        if (!negotiations.TryGetValue(id, out var negotiation))
        {
            negotiations[id] = negotiation = grains.GetGrain<INegotiationGrain>(RunIds.Negotiation(runId, id));
        }

        return negotiation;
    }
}
