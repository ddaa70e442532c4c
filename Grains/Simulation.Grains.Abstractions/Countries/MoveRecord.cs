namespace Simulation.Grains.Abstractions.Countries;

/// <summary>
/// One turn played, as a message: round and turn (1-based), who moved, the move's name (as in
/// traces: <c>offer</c>, <c>accept</c>, <c>vote</c>…), and the outcome concerned as a level per
/// issue (null for a walk-away).
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.MoveRecord")]
public sealed record MoveRecord(
    [property: Id(0)] int Round,
    [property: Id(1)] int Turn,
    [property: Id(2)] string Party,
    [property: Id(3)] string Action,
    [property: Id(4)] IReadOnlyList<int>? Outcome);
