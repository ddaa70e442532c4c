namespace Simulation.Grains.Abstractions.Countries;

/// <summary>A party's move, with the utility it aimed for and the utility of its offer to itself.</summary>
[GenerateSerializer, Immutable]
public sealed record TurnDecision(
    [property: Id(0)] TurnMove Move,
    [property: Id(1)] IReadOnlyList<int>? Offer,
    [property: Id(2)] double TargetUtility);
