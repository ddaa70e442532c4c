namespace Simulation.Grains.Abstractions.Outcomes;

/// <summary>How long a run took, measured by the client. The one part of an outcome that is not deterministic.</summary>
[GenerateSerializer, Immutable, Alias("tradesim.RunTimings")]
public sealed record RunTimings(
    [property: Id(0)] double WallSeconds,
    [property: Id(1)] bool EmbeddedSilo);
