namespace Simulation.Client.Bench;

/// <summary>
/// How much work each part of the bench does. The full sizes run long enough that a figure moves
/// by a few percent between runs on a quiet machine; <see cref="Quick"/> only shows that everything
/// works, in well under a minute, and its figures are rough.
/// </summary>
public sealed record BenchSizes(
    int W1WarmUpRuns,
    int W1MinRuns,
    TimeSpan W1MinTime,
    int GrainsWarmUpRuns,
    int GrainsRuns,
    int WarmUpCalls,
    int EmptyCalls,
    IReadOnlyList<int> Countries,
    TimeSpan WorldStopAfter)
{
    /// <summary>DESIGN §7: worlds of 10, 25, 50 and 100 countries.</summary>
    public static IReadOnlyList<int> WorldCountries { get; } = [10, 25, 50, 100];

    public static BenchSizes Full { get; } = new(500, 2_500, TimeSpan.FromSeconds(3), 10, 50, 5_000, 50_000, WorldCountries, TimeSpan.FromMinutes(10));

    public static BenchSizes Quick { get; } = new(20, 100, TimeSpan.FromSeconds(0.2), 2, 5, 500, 2_000, [3, 5], TimeSpan.FromMinutes(1));
}
