namespace Simulation.Model.Reporting;

/// <summary>
/// A scenario event as the run applied it (DESIGN §6.2 <c>events[]</c>): the run round at whose
/// start it fired, its type, and its fields as applied; the fields of other types are null and left
/// out of the JSON. A <c>set-tariff</c> gives the sector as written (<c>*</c> for all) and the
/// sectors whose tariff it set; a <c>set-strategy</c> the strategy's label. <see cref="When"/> says what
/// held when a condition on an agreement or on the world fired the event, with the number observed.
/// </summary>
public sealed record EventOutcome(
    int Round,
    string Type,
    string? Negotiation = null,
    string? By = null,
    string? Importer = null,
    string? Exporter = null,
    string? Sector = null,
    double? Tariff = null,
    IReadOnlyList<string>? Sectors = null,
    string? Country = null,
    string? Strategy = null,
    IReadOnlyDictionary<string, double>? LobbyWeights = null,
    IReadOnlyDictionary<string, double>? PartnerWeights = null,
    string? When = null);
