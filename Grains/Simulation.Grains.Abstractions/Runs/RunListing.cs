namespace Simulation.Grains.Abstractions.Runs;

/// <summary>
/// A run as the runs directory lists it (<see cref="IRunDirectoryGrain"/>): its id, scenario name,
/// file and seed, and its latest <see cref="RunStatus"/>. <see cref="Started"/> and
/// <see cref="Report"/> say which report this is: reports are one-way calls that may overtake each
/// other, and a cancelled run started again is a new activation of the same run grain, numbering
/// its reports afresh: <see cref="Started"/> (when the activation started, in UTC ticks; the clock
/// orders successive activations here and nothing else) and then <see cref="Report"/> (counted from
/// 1 by each activation) order them, and <see cref="RunList"/> keeps the latest.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.RunListing")]
public sealed record RunListing(
    [property: Id(0)] string RunId,
    [property: Id(1)] string Scenario,
    [property: Id(2)] string ScenarioFile,
    [property: Id(3)] long Seed,
    [property: Id(4)] RunStatus Status,
    [property: Id(5)] long Started,
    [property: Id(6)] long Report)
{
    /// <summary>Whether this report was sent after <paramref name="other"/>, a report of the same run.</summary>
    public bool IsLaterThan(RunListing other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Started != other.Started ? Started > other.Started : Report > other.Report;
    }
}
