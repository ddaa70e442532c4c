namespace Simulation.Grains.Abstractions.Negotiations;

/// <summary>
/// What a negotiation grain needs to open: its run and id, the protocol's name, the parties, who
/// moves first, the deadline in rounds, the number of levels of each issue (the outcome space's
/// shape, which a mediator walks) and the run seed.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.NegotiationBrief")]
public sealed record NegotiationBrief(
    [property: Id(0)] string RunId,
    [property: Id(1)] string NegotiationId,
    [property: Id(2)] string Protocol,
    [property: Id(3)] IReadOnlyList<string> Parties,
    [property: Id(4)] string First,
    [property: Id(5)] int Rounds,
    [property: Id(6)] IReadOnlyList<int> LevelCounts,
    [property: Id(7)] long Seed)
{
    /// <summary>The scenario document, from which the grain reads the agenda to show offers in tariffs.</summary>
    [Id(8)]
    public string? ScenarioText { get; init; }

    /// <summary>The file the scenario came from, for error messages.</summary>
    [Id(9)]
    public string? ScenarioFile { get; init; }
}
