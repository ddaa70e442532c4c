using Simulation.Grains.Abstractions.Countries;

namespace Simulation.Grains.Abstractions.Negotiations;

/// <summary>
/// Where a negotiation stands after a round: its status (snake_case, as in the outcome JSON), the
/// rounds it has played, the agreement (level per issue) if one was reached, and the turn (1-based)
/// at which the agreed offer was made, by which discounting measures it (DESIGN §4.2), and the turns
/// played in the round reported.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.NegotiationReport")]
public sealed record NegotiationReport(
    [property: Id(0)] string NegotiationId,
    [property: Id(1)] string Status,
    [property: Id(2)] int RoundsPlayed,
    [property: Id(3)] IReadOnlyList<int>? Agreement,
    [property: Id(4)] int? AgreedOfferTurn = null,
    [property: Id(5)] IReadOnlyList<MoveRecord>? Turns = null)
{
    public bool IsActive => Status == "active";
}
