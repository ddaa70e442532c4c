namespace Simulation.Grains.Abstractions.Runs;

/// <summary>The run grain's state as the dashboard shows it.</summary>
[GenerateSerializer, Immutable, Alias("tradesim.RunState")]
public sealed record RunState(
    [property: Id(0)] RunStatus Status,
    [property: Id(1)] string? Scenario,
    [property: Id(2)] long Seed,
    [property: Id(3)] IReadOnlyList<string> TariffChangesApplied,
    [property: Id(4)] IReadOnlyDictionary<string, string> NegotiationStatus);
