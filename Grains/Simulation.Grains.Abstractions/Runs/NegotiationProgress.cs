namespace Simulation.Grains.Abstractions.Runs;

/// <summary>One negotiation of a run as a progress update shows it: its id and its status, named as the outcome JSON names it.</summary>
[GenerateSerializer, Immutable, Alias("tradesim.NegotiationProgress")]
public sealed record NegotiationProgress(
    [property: Id(0)] string Negotiation,
    [property: Id(1)] string Status);
