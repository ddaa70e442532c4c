namespace Simulation.Grains.Abstractions.Countries;

/// <summary>A tariff line set to a level in percent: the message form of a change to the world.</summary>
[GenerateSerializer, Immutable, Alias("tradesim.TariffSetting")]
public sealed record TariffSetting(
    [property: Id(0)] string Importer,
    [property: Id(1)] string Exporter,
    [property: Id(2)] string Sector,
    [property: Id(3)] double TariffPercent);
