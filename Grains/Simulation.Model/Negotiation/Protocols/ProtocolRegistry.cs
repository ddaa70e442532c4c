namespace Simulation.Model.Negotiation;

/// <summary>
/// The protocols a scenario can name (DESIGN §4.3), like the market models and objectives: adding a
/// protocol is a class implementing <see cref="INegotiationProtocol"/> and one line here. The
/// scenario loader validates <c>protocol:</c> and the number of parties against these entries, and
/// the negotiation grain starts its protocol from them.
/// </summary>
public static class ProtocolRegistry
{
    /// <summary>The protocols, in the order help and error messages list them.</summary>
    public static IReadOnlyList<ProtocolEntry> Entries { get; } =
    [
        new(AlternatingOffersProtocol.ProtocolName, 2, 2,
            "Two parties take turns: accept the standing offer, counter-offer or walk away (Rubinstein 1982, finite deadline).",
            setup => new AlternatingOffersProtocol(setup.NegotiationId, setup.Parties, setup.First, setup.Rounds)),
        new(StackedAlternatingOffersProtocol.ProtocolName, 2, null,
            "N parties in round-robin (SAOP, GENIUS/ANAC): an offer is agreed once every other party has accepted it in turn.",
            setup => new StackedAlternatingOffersProtocol(setup.NegotiationId, setup.Parties, setup.First, setup.Rounds)),
        new(SingleTextProtocol.ProtocolName, 2, null,
            "Mediated single negotiating text (GATT/WTO): one-step changes from the status quo pass unless vetoed; all must ratify.",
            setup => new SingleTextProtocol(setup.NegotiationId, setup.Parties, setup.First, setup.Rounds, setup.Space, setup.Seed)),
    ];

    /// <summary>The names, in registry order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Entries.Select(e => e.Name)];

    /// <summary>The entry named <paramref name="name"/>, or null.</summary>
    public static ProtocolEntry? Find(string name) => Entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal));

    /// <summary>Starts the protocol <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No protocol has that name, or it does not take that many parties.</exception>
    public static INegotiationProtocol Create(string name, ProtocolSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var entry = Find(name) ?? throw new ArgumentException($"Protocol '{name}' is unknown (available: {string.Join(", ", Names)}).", nameof(name));
        if (!entry.Takes(setup.Parties.Count))
        {
            throw new ArgumentException($"Protocol '{name}' takes {entry.PartyCount} parties, got {setup.Parties.Count}.", nameof(setup));
        }

        return entry.Create(setup);
    }
}
