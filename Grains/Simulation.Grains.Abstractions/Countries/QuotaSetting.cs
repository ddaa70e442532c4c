namespace Simulation.Grains.Abstractions.Countries;

/// <summary>
/// A tariff-rate quota put on a line: the message form of a change to the world (DESIGN §4.1). The
/// volume is in the scenario's unit at base prices; <see cref="RentToExporter"/> says who holds the rent.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.QuotaSetting")]
public sealed record QuotaSetting(
    [property: Id(0)] string Importer,
    [property: Id(1)] string Exporter,
    [property: Id(2)] string Sector,
    [property: Id(3)] double Volume,
    [property: Id(4)] double InQuotaTariffPercent,
    [property: Id(5)] bool RentToExporter);
