using Orleans.Placement;
using Simulation.Grains.Abstractions.Countries;
using Simulation.Grains.Abstractions.Negotiations;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Negotiation;

namespace Simulation.Grains.Negotiations;

/// <summary>
/// A negotiation in a run: the protocol the scenario names, started from the model's
/// <see cref="ProtocolRegistry"/> and driven one round at a time by the run grain through the
/// model's round loop (<see cref="NegotiationRounds"/>). On each turn it asks the party's country
/// grain for its move, so moves travel as grain messages (<see cref="MoveMessages"/>) and each
/// country decides for itself.
/// </summary>
[PreferLocalPlacement]
public sealed class NegotiationGrain : Grain, INegotiationGrain
{
    private NegotiationBrief? brief;
    private INegotiationProtocol? protocol;

    public Task OpenAsync(NegotiationBrief brief)
    {
        // Protocols use only the space's shape (levels per issue: where a mediator may step), so a
        // separable space of those level counts is all they need.
        var setup = new ProtocolSetup(
            brief.NegotiationId, brief.Parties, brief.First, brief.Rounds, OutcomeSpace.Separable([.. brief.LevelCounts]), brief.Seed);
        protocol = ProtocolRegistry.Create(brief.Protocol, setup);
        this.brief = brief;
        return Task.CompletedTask;
    }

    public async Task<NegotiationReport> PlayRoundAsync()
    {
        var brief = Brief;
        await NegotiationRounds.PlayRoundAsync(Protocol, async (party, turn) =>
        {
            var country = GrainFactory.GetGrain<ICountryGrain>(RunIds.Country(brief.RunId, party));
            var decision = await country.DecideAsync(MoveMessages.ToRequest(brief.NegotiationId, turn));
            return MoveMessages.ToAction(decision);
        });
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

    private NegotiationBrief Brief => brief ?? throw new InvalidOperationException($"Negotiation {this.GetPrimaryKeyString()} was not opened.");

    private INegotiationProtocol Protocol => protocol ?? throw new InvalidOperationException($"Negotiation {this.GetPrimaryKeyString()} was not opened.");

    private NegotiationReport Report()
    {
        var protocol = Protocol;
        var roundsPlayed = protocol.History.Count == 0 ? 0 : protocol.History[^1].Round;
        // Discounting counts from the turn the agreed outcome was put on the table: its last offer
        // (bargaining protocols), or the first vote on it as the mediator's text (single text).
        var agreedOfferTurn = protocol.Agreement is { } agreement
            ? (protocol.History.LastOrDefault(t => t.Action == "offer" && t.Offer == agreement) ?? protocol.History.First(t => t.Offer == agreement)).Turn
            : (int?)null;
        return new NegotiationReport(Brief.NegotiationId, StatusName(protocol.Status), roundsPlayed, protocol.Agreement?.Levels.ToArray(), agreedOfferTurn);
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
        NegotiationStatus.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
