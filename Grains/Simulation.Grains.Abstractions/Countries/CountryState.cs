namespace Simulation.Grains.Abstractions.Countries;

/// <summary>The country grain's state as the dashboard shows it.</summary>
[GenerateSerializer, Immutable, Alias("tradesim.CountryState")]
public sealed record CountryState(
    [property: Id(0)] string Country,
    [property: Id(1)] string Objective,
    [property: Id(2)] int TariffChangesSeen,
    [property: Id(3)] IReadOnlyList<NegotiatorView> Negotiators);

/// <summary>One of the country's negotiators: strategy, reservation, and its last target utility.</summary>
[GenerateSerializer, Immutable, Alias("tradesim.NegotiatorView")]
public sealed record NegotiatorView(
    [property: Id(0)] string NegotiationId,
    [property: Id(1)] string Strategy,
    [property: Id(2)] double Reservation,
    [property: Id(3)] double? LastTarget);
