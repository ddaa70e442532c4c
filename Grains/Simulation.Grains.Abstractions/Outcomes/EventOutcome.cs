namespace Simulation.Grains.Abstractions.Outcomes;

/// <summary>
/// A scenario event as the run applied it (DESIGN §6.2 <c>events[]</c>): the run round at whose
/// start it fired, its type, and its fields as applied; the fields of other types are null and left
/// out of the JSON. A <c>set-tariff</c> gives the sector as written (<c>*</c> for all) and the
/// sectors whose tariff it set; a <c>set-strategy</c> the strategy's label.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.EventOutcome")]
public sealed record EventOutcome(
    [property: Id(0)] int Round,
    [property: Id(1)] string Type,
    [property: Id(2)] string? Negotiation = null,
    [property: Id(3)] string? By = null,
    [property: Id(4)] string? Importer = null,
    [property: Id(5)] string? Exporter = null,
    [property: Id(6)] string? Sector = null,
    [property: Id(7)] double? Tariff = null,
    [property: Id(8)] IReadOnlyList<string>? Sectors = null,
    [property: Id(9)] string? Country = null,
    [property: Id(10)] string? Strategy = null,
    [property: Id(11)] IReadOnlyDictionary<string, double>? LobbyWeights = null,
    [property: Id(12)] IReadOnlyDictionary<string, double>? PartnerWeights = null);
