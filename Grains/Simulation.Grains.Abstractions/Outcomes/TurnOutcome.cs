namespace Simulation.Grains.Abstractions.Outcomes;

/// <summary>
/// One turn of a negotiation's history (DESIGN §6.2, §6.4): its round and turn (1-based), who moved,
/// the move (<c>offer</c>, <c>accept</c>, <c>vote</c>…), the outcome concerned (left out for a
/// walk-away), and each party's utility of it: undiscounted, in the world that party's seat was priced
/// in at that turn.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.TurnOutcome")]
public sealed record TurnOutcome(
    [property: Id(0)] int Round,
    [property: Id(1)] int Turn,
    [property: Id(2)] string Party,
    [property: Id(3)] string Action,
    [property: Id(4)] IReadOnlyList<OutcomeEntry>? Offer,
    [property: Id(5)] IReadOnlyDictionary<string, double>? Utility);
