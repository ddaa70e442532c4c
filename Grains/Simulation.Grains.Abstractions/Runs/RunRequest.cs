namespace Simulation.Grains.Abstractions.Runs;

/// <summary>
/// What a run needs: the scenario document itself (so any silo can rebuild the world from it),
/// the name of the file it came from (for error messages and the outcome) and the seed; and
/// <see cref="Pace"/>, a wait between rounds so a person can watch (zero: none). The pace does not
/// change the outcome, so it is not part of the run id.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.RunRequest")]
public sealed record RunRequest(
    [property: Id(0)] string ScenarioText,
    [property: Id(1)] string ScenarioFile,
    [property: Id(2)] long Seed,
    [property: Id(3)] TimeSpan Pace = default)
{
    /// <summary>
    /// Rounds a resumed run plays again only to check them against its journal (<c>run --resume-from</c>):
    /// they are not paced, as the person watching saw them before. It never changes the outcome.
    /// </summary>
    [Id(4)]
    public int ReplayedRounds { get; init; }
}
