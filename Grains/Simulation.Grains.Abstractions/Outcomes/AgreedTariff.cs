namespace Simulation.Grains.Abstractions.Outcomes;

/// <summary>One issue of an agreement: the tariff (percent) the importer will charge the exporter in the sector.</summary>
[GenerateSerializer, Immutable, Alias("tradesim.AgreedTariff")]
public sealed record AgreedTariff(
    [property: Id(0)] string Importer,
    [property: Id(1)] string Exporter,
    [property: Id(2)] string Sector,
    [property: Id(3)] double Tariff);
