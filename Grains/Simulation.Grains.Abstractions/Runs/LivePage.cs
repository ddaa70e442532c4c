namespace Simulation.Grains.Abstractions.Runs;

/// <summary>
/// Where a silo serves its live page and the Orleans dashboard, as absolute URLs (e.g.
/// <c>http://127.0.0.1:8080/live</c> and <c>http://127.0.0.1:8080/dashboard</c>). Silos with a web
/// host register it with the runs directory, so the CLI can print where to watch a run it started.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.LivePage")]
public sealed record LivePage(
    [property: Id(0)] string LiveUrl,
    [property: Id(1)] string DashboardUrl)
{
    /// <summary>The live page opened on one run.</summary>
    public string For(string runId) => $"{LiveUrl}?run={Uri.EscapeDataString(runId)}";
}
