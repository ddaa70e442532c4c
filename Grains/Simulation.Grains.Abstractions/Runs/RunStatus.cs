namespace Simulation.Grains.Abstractions.Runs;

/// <summary>
/// Where a run is: its phase, the round being played, the last round it can reach as it stands
/// (<c>RunEngine.Horizon</c>: tables that open late end late; once over, the rounds played), and
/// why it failed if it did.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.RunStatus")]
public sealed record RunStatus(
    [property: Id(0)] string RunId,
    [property: Id(1)] RunPhase Phase,
    [property: Id(2)] int Round,
    [property: Id(3)] int MaxRounds,
    [property: Id(4)] int ActiveNegotiations,
    [property: Id(5)] string? Failure);
