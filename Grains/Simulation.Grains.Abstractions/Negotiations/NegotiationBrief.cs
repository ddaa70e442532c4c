namespace Simulation.Grains.Abstractions.Negotiations;

[GenerateSerializer, Immutable]
public sealed record NegotiationBrief(
    [property: Id(0)] string RunId,
    [property: Id(1)] string NegotiationId,
    [property: Id(2)] string Protocol,
    [property: Id(3)] IReadOnlyList<string> Parties,
    [property: Id(4)] string First,
    [property: Id(5)] int Rounds);
