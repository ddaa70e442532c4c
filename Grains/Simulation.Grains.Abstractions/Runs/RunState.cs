namespace Simulation.Grains.Abstractions.Runs;

/// <summary>
/// The run grain's state as the dashboard shows it: words and tariffs, not enum numbers or level
/// indices. Id 0 (the whole <see cref="RunStatus"/>, whose phase was an enum number) is retired.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.RunState")]
public sealed record RunState(
    [property: Id(5)] string RunId,
    [property: Id(1)] string? Scenario,
    [property: Id(2)] long Seed,
    [property: Id(6)] string Phase,
    [property: Id(7)] int Round,
    [property: Id(8)] int MaxRounds,
    [property: Id(4)] IReadOnlyDictionary<string, string> NegotiationStatus,
    [property: Id(3)] IReadOnlyList<string> TariffChangesApplied,
    [property: Id(9)] IReadOnlyList<string> QuotasApplied,
    [property: Id(10)] IReadOnlyList<string> Events,
    [property: Id(11)] string? Failure);
