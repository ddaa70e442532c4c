namespace Simulation.Grains.Abstractions.Outcomes;

/// <summary>
/// A country at the end of a run, relative to the base data: its objective's value, the change in
/// its exports and imports, and its exports by partner before and after (values at world prices).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CountryOutcome(
    [property: Id(0)] string Id,
    [property: Id(1)] ObjectiveValue Objective,
    [property: Id(2)] double ExportsChange,
    [property: Id(3)] double ImportsChange,
    [property: Id(4)] ExportsByPartner Exports);

[GenerateSerializer, Immutable]
public sealed record ObjectiveValue(
    [property: Id(0)] string Kind,
    [property: Id(1)] double Value);

[GenerateSerializer, Immutable]
public sealed record ExportsByPartner(
    [property: Id(0)] IReadOnlyDictionary<string, double> Before,
    [property: Id(1)] IReadOnlyDictionary<string, double> After);
