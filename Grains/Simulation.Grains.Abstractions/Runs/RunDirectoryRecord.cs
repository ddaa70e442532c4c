namespace Simulation.Grains.Abstractions.Runs;

/// <summary>
/// What the runs directory keeps in grain storage: the runs it lists, so that on a cluster its list
/// outlives the silo it was on (DESIGN §5.3, §5.4), and a live page on any silo lists the cluster's
/// runs. Persisted, so every field has an explicit id and the record an alias.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.RunDirectoryRecord")]
public sealed record RunDirectoryRecord
{
    [Id(0)]
    public IReadOnlyList<ListedRun> Runs { get; init; } = [];
}
