namespace Simulation.Grains.Abstractions.Negotiations;

/// <summary>
/// Where a negotiation stands after a round: its status (snake_case, as in the outcome JSON), the
/// rounds it has played, and the agreement (level per issue) if one was reached.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.NegotiationReport")]
public sealed record NegotiationReport(
    [property: Id(0)] string NegotiationId,
    [property: Id(1)] string Status,
    [property: Id(2)] int RoundsPlayed,
    [property: Id(3)] IReadOnlyList<int>? Agreement)
{
    public bool IsActive => Status == "active";
}
