namespace Simulation.Model.Scenarios;

/// <summary>
/// A negotiation on the table: who sits at it, the protocol, its deadline in rounds, who moves
/// first, the issues (tariff and discrete, in the order of the file), and per-party strategy overrides.
/// </summary>
public sealed record NegotiationSpec(
    string Id,
    IReadOnlyList<string> Parties,
    string Protocol,
    int Rounds,
    string First,
    IReadOnlyList<IssueSpec> Issues,
    IReadOnlyDictionary<string, StrategySpec> Strategies)
{
    /// <summary>The default protocol.</summary>
    public const string AlternatingOffers = Negotiation.AlternatingOffersProtocol.ProtocolName;

    /// <summary>
    /// Whether the scenario is in <c>units: utility</c> (DESIGN §4.2): its issues are all discrete and
    /// their numbers are the parties' utilities, counted as they are (u = V, no normalisation).
    /// </summary>
    public bool InUtilityUnits { get; init; }

    /// <summary>Reservation utilities set directly for this negotiation (<c>reservations: {ISO: r}</c>), overriding the country's.</summary>
    public IReadOnlyDictionary<string, double> Reservations { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Per-offer discount factors for this negotiation (<c>discounts: {ISO: δ}</c>), overriding the country's.</summary>
    public IReadOnlyDictionary<string, double> Discounts { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>When the negotiation opens (<c>start: N</c> or <c>start: deferred</c>; round 1 by default).</summary>
    public NegotiationStart Start { get; init; } = NegotiationStart.FirstRound;
}
