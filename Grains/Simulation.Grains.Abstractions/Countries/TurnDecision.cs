namespace Simulation.Grains.Abstractions.Countries;

/// <summary>
/// A party's move: its kind, the outcome offered (level per issue; offers only), and the utility the
/// negotiator aimed for, if its strategy has a target.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.TurnDecision")]
public sealed record TurnDecision(
    [property: Id(0)] TurnMove Move,
    [property: Id(1)] IReadOnlyList<int>? Offer,
    [property: Id(2)] double? TargetUtility);
