namespace Simulation.Grains.Abstractions.Runs;

/// <summary>
/// A run in the runs directory, numbered in the order the directory first heard of it (1 for the
/// first run the directory heard of, counted on from its stored list), so every copy of the list
/// orders runs alike.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.ListedRun")]
public sealed record ListedRun(
    [property: Id(0)] long Listed,
    [property: Id(1)] RunListing Run);
