namespace Simulation.Grains.Abstractions.Countries;

/// <summary>
/// A negotiation asking a party for its move: how far the negotiation has gone (turns taken of the
/// turns available) and the offer on the table (level per issue), if any, and who made it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TurnRequest(
    [property: Id(0)] string NegotiationId,
    [property: Id(1)] int TurnsTaken,
    [property: Id(2)] int TurnsAvailable,
    [property: Id(3)] IReadOnlyList<int>? StandingOffer,
    [property: Id(4)] string? StandingOfferBy);
