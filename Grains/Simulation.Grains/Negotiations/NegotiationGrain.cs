using Orleans.Placement;
using Simulation.Grains.Abstractions.Countries;
using Simulation.Grains.Abstractions.Negotiations;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Negotiation;

namespace Simulation.Grains.Negotiations;

/// <summary>
/// A negotiation in a run: the alternating-offers state machine from the model, driven one round
/// at a time by the run grain. On each turn it asks the party's country grain for its move, so
/// offers travel as grain messages and each country decides for itself.
/// </summary>
[PreferLocalPlacement]
public sealed class NegotiationGrain : Grain, INegotiationGrain
{
    private NegotiationBrief? brief;
    private AlternatingOffersProtocol? protocol;

    public Task OpenAsync(NegotiationBrief brief)
    {
        if (brief.Protocol != Simulation.Model.Scenarios.NegotiationSpec.AlternatingOffers)
        {
            throw new NotSupportedException($"Protocol '{brief.Protocol}' is not available.");
        }

        this.brief = brief;
        protocol = new AlternatingOffersProtocol(brief.NegotiationId, brief.Parties, brief.First, brief.Rounds);
        return Task.CompletedTask;
    }

    public async Task<NegotiationReport> PlayRoundAsync()
    {
        var protocol = Protocol;
        var brief = this.brief!;
        var playing = protocol.Round;
        while (protocol.Status == NegotiationStatus.Active && protocol.Round == playing)
        {
            var party = protocol.NextParty;
            var turn = protocol.ContextFor(party);
            var country = GrainFactory.GetGrain<ICountryGrain>(RunIds.Country(brief.RunId, party));
            var decision = await country.DecideAsync(new TurnRequest(
                brief.NegotiationId,
                turn.TurnsTaken,
                turn.TurnsAvailable,
                turn.StandingOffer?.Levels.ToArray(),
                turn.StandingOfferBy));
            protocol.Apply(party, decision.Move switch
            {
                TurnMove.Offer => new Offer(new Outcome([.. decision.Offer ?? throw new InvalidOperationException($"{party} made an offer without an outcome.")])),
                TurnMove.Accept => new Accept(),
                TurnMove.WalkAway => new WalkAway(),
                _ => throw new InvalidOperationException($"Unknown move {decision.Move}."),
            });
        }

        return Report();
    }

    public Task<NegotiationState> GetState()
    {
        var id = brief?.NegotiationId ?? this.GetPrimaryKeyString();
        if (protocol is null)
        {
            return Task.FromResult(new NegotiationState(id, [], StatusName(NegotiationStatus.NotStarted), 0, 0, null, null, []));
        }

        var history = protocol.History
            .Select(t => $"round {t.Round} turn {t.Turn}: {t.Party} {t.Action}{(t.Offer is null ? "" : " " + t.Offer)}")
            .ToList();
        return Task.FromResult(new NegotiationState(
            id, protocol.Parties, StatusName(protocol.Status), protocol.Round, protocol.TurnsTaken,
            protocol.StandingOffer?.ToString(), protocol.StandingOfferBy, history));
    }

    private AlternatingOffersProtocol Protocol => protocol ?? throw new InvalidOperationException($"Negotiation {this.GetPrimaryKeyString()} was not opened.");

    private NegotiationReport Report()
    {
        var protocol = Protocol;
        var roundsPlayed = protocol.History.Count == 0 ? 0 : protocol.History[^1].Round;
        // The agreed offer is the last offer of the agreed outcome: discounting counts from its turn.
        var agreedOfferTurn = protocol.Agreement is { } agreement
            ? protocol.History.Last(t => t.Action == "offer" && t.Offer == agreement).Turn
            : (int?)null;
        return new NegotiationReport(brief!.NegotiationId, StatusName(protocol.Status), roundsPlayed, protocol.Agreement?.Levels.ToArray(), agreedOfferTurn);
    }

    /// <summary>Status names as the outcome JSON writes them (DESIGN §6.2).</summary>
    public static string StatusName(NegotiationStatus status) => status switch
    {
        NegotiationStatus.Active => "active",
        NegotiationStatus.Agreed => "agreed",
        NegotiationStatus.Deadline => "deadline",
        NegotiationStatus.WalkedAway => "walked_away",
        NegotiationStatus.Terminated => "terminated",
        NegotiationStatus.NotStarted => "not_started",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
