namespace Simulation.Grains.Abstractions.Outcomes;

/// <summary>
/// How long a run took, measured by the client, and who played it (<c>grains</c> or <c>local</c>,
/// and for grains whether the silo was embedded). The one part of an outcome that is not
/// deterministic, so the engine is recorded here rather than beside the results.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.RunTimings")]
public sealed record RunTimings(
    [property: Id(0)] double WallSeconds,
    [property: Id(1)] bool EmbeddedSilo,
    [property: Id(2)] string Engine = RunTimings.Grains)
{
    public const string Grains = "grains";
    public const string Local = "local";
}
