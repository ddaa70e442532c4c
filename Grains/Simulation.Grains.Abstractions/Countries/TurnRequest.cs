namespace Simulation.Grains.Abstractions.Countries;

/// <summary>
/// A negotiation asking a party for its move: how far the negotiation has gone (turns taken of the
/// turns available), the outcome put to it (level per issue) and who put it there (a party, or
/// <c>mediator</c>), what it is asked to do, the single text as it stands, and the turns played
/// since the party's own last one.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.TurnRequest")]
public sealed record TurnRequest(
    [property: Id(0)] string NegotiationId,
    [property: Id(1)] int TurnsTaken,
    [property: Id(2)] int TurnsAvailable,
    [property: Id(3)] IReadOnlyList<int>? StandingOffer,
    [property: Id(4)] string? StandingOfferBy,
    [property: Id(5)] TurnStage Phase,
    [property: Id(6)] IReadOnlyList<int>? CurrentText,
    [property: Id(7)] IReadOnlyList<MoveRecord> MovesSince);
