namespace Simulation.Grains.Abstractions.Outcomes;

/// <summary>Which scenario produced an outcome: its name, the file it was read from, and the SHA-256 of its text.</summary>
[GenerateSerializer, Immutable, Alias("tradesim.ScenarioInfo")]
public sealed record ScenarioInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] string File,
    [property: Id(2)] string Sha256);
