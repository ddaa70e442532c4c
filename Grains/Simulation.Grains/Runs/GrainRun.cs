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
/// </summary>
internal sealed class GrainRun(IGrainFactory grains, string runId, string scenarioKey, RunRequest request) : INegotiationTables, IRunParties
{
    public Task OpenAsync(TariffAgenda agenda)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        return Negotiation(agenda.Spec.Id).OpenAsync(new NegotiationBrief(runId, agenda.Spec.Id, scenarioKey, request.ScenarioFile, request.Seed));
    }

    public Task<RoundReport> PlayRoundAsync(string negotiationId) => Negotiation(negotiationId).PlayRoundAsync();

    public Task<RoundReport> TerminateAsync(string negotiationId) => Negotiation(negotiationId).TerminateAsync();

    public Task JoinAsync(string party) =>
        Country(party).JoinAsync(new CountryBrief(runId, party, scenarioKey, request.ScenarioFile, request.Seed));

    public Task UpdateWorldAsync(string party, IReadOnlyList<TariffChange> tariffChangesSoFar, IReadOnlyList<QuotaChange> quotaChangesSoFar, IReadOnlyList<string> negotiationIds) =>
        Country(party).UpdateWorldAsync(tariffChangesSoFar, quotaChangesSoFar, negotiationIds);

    public Task ReviseAsync(string party, IReadOnlyList<int> countryEventsSoFar, IReadOnlyList<TariffChange> tariffChangesSoFar, IReadOnlyList<QuotaChange> quotaChangesSoFar, IReadOnlyList<string> negotiationIds) =>
        Country(party).ReviseAsync(countryEventsSoFar, tariffChangesSoFar, quotaChangesSoFar, negotiationIds);

    public Task<SeatAssessment> AssessAsync(string party, string negotiationId, Outcome? agreement, int? offerTurn) =>
        Country(party).AssessAsync(negotiationId, agreement, offerTurn);

    public Task<IReadOnlyList<double>> UtilitiesAsync(string party, string negotiationId, IReadOnlyList<Outcome> outcomes) =>
        Country(party).UtilitiesAsync(negotiationId, outcomes);

    private ICountryGrain Country(string id) => grains.GetGrain<ICountryGrain>(RunIds.Country(runId, id));

    private INegotiationGrain Negotiation(string id) => grains.GetGrain<INegotiationGrain>(RunIds.Negotiation(runId, id));
}
