using Orleans.Placement;
using Simulation.Grains.Abstractions.Countries;
using Simulation.Grains.Abstractions.Negotiations;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Grains.Scenarios;
using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;
using Simulation.Model.Runs;

namespace Simulation.Grains.Negotiations;

/// <summary>
/// A negotiation in a run: the protocol the scenario names, started from the model's
/// <see cref="Protocols"/> and driven one round at a time by the run grain through the
/// model's <see cref="NegotiationTable"/>, as <see cref="InProcessRun"/> drives it. On each turn it
/// asks the party's country grain for its move, so each country decides for itself, and in the same
/// message for its values of the round's offers (<see cref="RoundValuation"/>): one call per turn.
/// </summary>
[PreferLocalPlacement]
public sealed class NegotiationGrain(ScenarioCache scenarios) : Grain, INegotiationGrain
{
    private NegotiationBrief? brief;
    private NegotiationTable? table;
    private TariffAgenda? agenda;

    // The parties' grains, resolved once when the negotiation opens rather than on every turn.
    private Dictionary<string, ICountryGrain> parties = [];

    public async Task OpenAsync(NegotiationBrief brief)
    {
        var scenario = await scenarios.GetAsync(
            brief.ScenarioKey, brief.ScenarioFile, () => GrainFactory.GetGrain<IRunGrain>(brief.RunId).GetScenarioTextAsync());
        agenda = TariffAgenda.For(scenario.Negotiation(brief.NegotiationId), scenario.Blocks);
        table = NegotiationTable.Open(agenda, brief.Seed);
        parties = table.Protocol.Parties.ToDictionary(
            party => party, party => GrainFactory.GetGrain<ICountryGrain>(RunIds.Country(brief.RunId, party)), StringComparer.Ordinal);
        this.brief = brief;
    }

    public async Task<PlayedRound> PlayValuedRoundAsync()
    {
        var id = Brief.NegotiationId;
        var valuation = new RoundValuation(Table.Protocol.Parties, Table.Protocol.History);
        var report = await Table.PlayRoundAsync(async (party, turn) =>
        {
            var toValue = valuation.UnvaluedBy(party);
            var reply = await parties[party].TakeTurnAsync(id, turn, toValue);
            valuation.Answered(party, toValue, reply);
            return reply.Move;
        });
        return new PlayedRound(report, await valuation.CompleteAsync((party, outcomes) => parties[party].UtilitiesAsync(id, outcomes)));
    }

    public Task<RoundReport> TerminateAsync() => Task.FromResult(Table.Terminate());

    public Task ReleaseAsync()
    {
        this.DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<NegotiationState> GetState()
    {
        var id = brief?.NegotiationId ?? this.GetPrimaryKeyString();
        var protocol = table?.Protocol;
        if (protocol is null || agenda is null)
        {
            return Task.FromResult(new NegotiationState(id, [], NegotiationStatus.NotStarted, 0, 0, null, null, []));
        }

        var history = protocol.History
            .Select(t => $"round {t.Round} turn {t.Turn}: {t.Party} {MoveKindNames.Name(t.Action)}{(t.Offer is null ? "" : " " + ReadableText.Of(agenda, t.Offer))}")
            .ToList();
        return Task.FromResult(new NegotiationState(
            id, protocol.Parties, protocol.Status, protocol.Round, protocol.TurnsTaken,
            protocol.StandingOffer is { } offer ? ReadableText.Of(agenda, offer) : null, protocol.StandingOfferBy, history));
    }

    private NegotiationBrief Brief => brief ?? throw new RunPartLostException($"Negotiation {this.GetPrimaryKeyString()} was not opened.");

    private NegotiationTable Table => table ?? throw new RunPartLostException($"Negotiation {this.GetPrimaryKeyString()} was not opened.");
}
