using Simulation.Model.Negotiation;

namespace Simulation.Grains.Abstractions.Negotiations;

/// <summary>
/// The negotiation grain's state as the dashboard shows it. The status is the model's enum, which
/// the dashboard's JSON writes by its snake_case name; Id 2 once carried that name as text.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.NegotiationState")]
public sealed record NegotiationState(
    [property: Id(0)] string NegotiationId,
    [property: Id(1)] IReadOnlyList<string> Parties,
    [property: Id(8)] NegotiationStatus Status,
    [property: Id(3)] int Round,
    [property: Id(4)] int TurnsTaken,
    [property: Id(5)] string? StandingOffer,
    [property: Id(6)] string? StandingOfferBy,
    [property: Id(7)] IReadOnlyList<string> History);
