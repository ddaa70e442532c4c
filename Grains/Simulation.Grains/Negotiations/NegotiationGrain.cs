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
/// asks the party's country grain for its move, so each country decides for itself.
/// </summary>
[PreferLocalPlacement]
public sealed class NegotiationGrain(ScenarioCache scenarios) : Grain, INegotiationGrain
{
    private NegotiationBrief? brief;
    private NegotiationTable? table;
    private TariffAgenda? agenda;

    public async Task OpenAsync(NegotiationBrief brief)
    {
        var scenario = await scenarios.GetAsync(
            brief.ScenarioKey, brief.ScenarioFile, () => GrainFactory.GetGrain<IRunGrain>(brief.RunId).GetScenarioTextAsync());
        agenda = TariffAgenda.For(scenario.Negotiation(brief.NegotiationId), scenario.Blocks);
        table = NegotiationTable.Open(agenda, brief.Seed);
        this.brief = brief;
    }

    public Task<RoundReport> PlayRoundAsync()
    {
        var brief = Brief;
        return Table.PlayRoundAsync((party, turn) =>
            new ValueTask<NegotiationAction>(GrainFactory.GetGrain<ICountryGrain>(RunIds.Country(brief.RunId, party)).DecideAsync(brief.NegotiationId, turn)));
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

    private NegotiationBrief Brief => brief ?? throw new InvalidOperationException($"Negotiation {this.GetPrimaryKeyString()} was not opened.");

    private NegotiationTable Table => table ?? throw new InvalidOperationException($"Negotiation {this.GetPrimaryKeyString()} was not opened.");
}
