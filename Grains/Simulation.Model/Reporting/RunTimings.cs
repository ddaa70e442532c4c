namespace Simulation.Model.Reporting;

/// <summary>
/// How long a run took, measured by the client, and who played it (<c>grains</c> or <c>local</c>,
/// and for grains whether the silo was embedded). The one part of an outcome that is not
/// deterministic, so the engine is recorded here rather than beside the results.
/// </summary>
public sealed record RunTimings(
    double WallSeconds,
    bool EmbeddedSilo,
    string Engine = RunTimings.Grains)
{
    public const string Grains = "grains";
    public const string Local = "local";
}
