using Simulation.Grains.Abstractions.Countries;
using Simulation.Grains.Abstractions.Negotiations;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Grains.Countries;
using Simulation.Grains.Negotiations;
using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Runs;

namespace Simulation.Grains.Runs;

/// <summary>
/// The run engine's tables and parties as grains (DESIGN §2 "Seams"): each call is a call to the
/// negotiation or country grain of the run, with the model's values mapped to messages and back.
/// </summary>
internal sealed class GrainRun(IGrainFactory grains, string runId, RunRequest request) : INegotiationTables, IRunParties
{
    public Task OpenAsync(TariffAgenda agenda)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        var n = agenda.Spec;
        return Negotiation(n.Id).OpenAsync(new NegotiationBrief(runId, n.Id, n.Protocol, n.Parties, n.First, n.Rounds, agenda.Space.LevelCounts, request.Seed)
        {
            ScenarioText = request.ScenarioText,
            ScenarioFile = request.ScenarioFile,
        });
    }

    public async Task<RoundReport> PlayRoundAsync(string negotiationId) =>
        MoveMessages.ToRoundReport(await Negotiation(negotiationId).PlayRoundAsync());

    public async Task<RoundReport> TerminateAsync(string negotiationId) =>
        MoveMessages.ToRoundReport(await Negotiation(negotiationId).TerminateAsync());

    public Task ReviseAsync(string party, IReadOnlyList<int> countryEventsSoFar, IReadOnlyList<TariffChange> tariffChangesSoFar, IReadOnlyList<QuotaChange> quotaChangesSoFar, IReadOnlyList<string> negotiationIds) =>
        Country(party).ReviseAsync(countryEventsSoFar, Settings(tariffChangesSoFar), [.. quotaChangesSoFar.Select(WorldSettings.ToSetting)], negotiationIds);

    public Task JoinAsync(string party) =>
        Country(party).JoinAsync(new CountryBrief(runId, party, request.ScenarioText, request.ScenarioFile, request.Seed, []));

    public Task UpdateWorldAsync(string party, IReadOnlyList<TariffChange> tariffChangesSoFar, IReadOnlyList<QuotaChange> quotaChangesSoFar, IReadOnlyList<string> negotiationIds) =>
        Country(party).UpdateWorldAsync(Settings(tariffChangesSoFar), [.. quotaChangesSoFar.Select(WorldSettings.ToSetting)], negotiationIds);

    public async Task<SeatAssessment> AssessAsync(string party, string negotiationId, Outcome? agreement, int? offerTurn)
    {
        var assessment = await Country(party).AssessAsync(negotiationId, agreement?.Levels.ToArray(), offerTurn);
        return new SeatAssessment(assessment.Utility, assessment.Reservation, assessment.Gain);
    }

    public Task<IReadOnlyList<double>> UtilitiesAsync(string party, string negotiationId, IReadOnlyList<Outcome> outcomes) =>
        Country(party).UtilitiesAsync(negotiationId, [.. outcomes.Select(o => (IReadOnlyList<int>)o.Levels.ToArray())]);

    /// <summary>Tariff changes in their message form.</summary>
    public static IReadOnlyList<TariffSetting> Settings(IEnumerable<TariffChange> changes) =>
        [.. changes.Select(c => new TariffSetting(c.Line.Importer, c.Line.Exporter, c.Line.Sector, c.TariffPercent))];

    private ICountryGrain Country(string id) => grains.GetGrain<ICountryGrain>(RunIds.Country(runId, id));

    private INegotiationGrain Negotiation(string id) => grains.GetGrain<INegotiationGrain>(RunIds.Negotiation(runId, id));
}
