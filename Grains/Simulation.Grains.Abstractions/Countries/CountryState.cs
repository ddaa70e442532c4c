namespace Simulation.Grains.Abstractions.Countries;

/// <summary>The country grain's state as the dashboard shows it: its code and name, its objective by name, its negotiators.</summary>
[GenerateSerializer, Immutable, Alias("tradesim.CountryState")]
public sealed record CountryState(
    [property: Id(0)] string Country,
    [property: Id(1)] string Objective,
    [property: Id(2)] int TariffChangesSeen,
    [property: Id(3)] IReadOnlyList<NegotiatorView> Negotiators)
{
    /// <summary>The country's name as the scenario gives it (<see cref="Country"/> is its code).</summary>
    [Id(4)]
    public string? Name { get; init; }

    /// <summary>The run the country is part of.</summary>
    [Id(5)]
    public string? RunId { get; init; }
}

/// <summary>One of the country's negotiators: strategy, reservation, and its last target utility.</summary>
[GenerateSerializer, Immutable, Alias("tradesim.NegotiatorView")]
public sealed record NegotiatorView(
    [property: Id(0)] string NegotiationId,
    [property: Id(1)] string Strategy,
    [property: Id(2)] double Reservation,
    [property: Id(3)] double? LastTarget);
