using Orleans.Placement;
using Simulation.Grains.Abstractions.Countries;
using Simulation.Grains.Abstractions.Negotiations;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Reporting;
using Simulation.Model.Negotiation;
using Simulation.Model.Runs;
using Simulation.Model.Scenarios;

namespace Simulation.Grains.Negotiations;

/// <summary>
/// A negotiation in a run: the protocol the scenario names, started from the model's
/// <see cref="Protocols"/> and driven one round at a time by the run grain through the
/// model's <see cref="NegotiationTable"/>. On each turn it asks the party's country
/// grain for its move, so moves travel as grain messages (<see cref="MoveMessages"/>) and each
/// country decides for itself.
/// </summary>
[PreferLocalPlacement]
public sealed class NegotiationGrain : Grain, INegotiationGrain
{
    private NegotiationBrief? brief;
    private NegotiationTable? table;
    private TariffAgenda? agenda;

    public Task OpenAsync(NegotiationBrief brief)
    {
        table = NegotiationTable.Open(brief.NegotiationId, brief.Protocol, brief.Parties, brief.First, brief.Rounds, brief.LevelCounts, brief.Seed);
        this.brief = brief;
        agenda = brief.ScenarioText is { } text
            ? TariffAgenda.For(ScenarioLoader.Parse(text, brief.ScenarioFile ?? brief.NegotiationId).Negotiation(brief.NegotiationId))
            : null;
        return Task.CompletedTask;
    }

    public async Task<NegotiationReport> PlayRoundAsync()
    {
        var brief = Brief;
        var report = await Table.PlayRoundAsync(async (party, turn) =>
        {
            var country = GrainFactory.GetGrain<ICountryGrain>(RunIds.Country(brief.RunId, party));
            var decision = await country.DecideAsync(MoveMessages.ToRequest(brief.NegotiationId, turn));
            return MoveMessages.ToAction(decision);
        });
        return MoveMessages.ToReport(report);
    }

    public Task<NegotiationReport> TerminateAsync() => Task.FromResult(MoveMessages.ToReport(Table.Terminate()));

    public Task<NegotiationState> GetState()
    {
        var id = brief?.NegotiationId ?? this.GetPrimaryKeyString();
        var protocol = table?.Protocol;
        if (protocol is null)
        {
            return Task.FromResult(new NegotiationState(id, [], NegotiationStatusNames.Name(NegotiationStatus.NotStarted), 0, 0, null, null, []));
        }

        var history = protocol.History
            .Select(t => $"round {t.Round} turn {t.Turn}: {t.Party} {MoveKindNames.Name(t.Action)}{(t.Offer is null ? "" : " " + Text(t.Offer))}")
            .ToList();
        return Task.FromResult(new NegotiationState(
            id, protocol.Parties, NegotiationStatusNames.Name(protocol.Status), protocol.Round, protocol.TurnsTaken,
            protocol.StandingOffer is { } offer ? Text(offer) : null, protocol.StandingOfferBy, history));
    }

    /// <summary>An outcome in tariffs (<see cref="ReadableText"/>), or as levels if the brief carried no scenario.</summary>
    private string Text(Outcome outcome) => agenda is null ? outcome.ToString() : ReadableText.Of(agenda, outcome);

    private NegotiationBrief Brief => brief ?? throw new InvalidOperationException($"Negotiation {this.GetPrimaryKeyString()} was not opened.");

    private NegotiationTable Table => table ?? throw new InvalidOperationException($"Negotiation {this.GetPrimaryKeyString()} was not opened.");

}
