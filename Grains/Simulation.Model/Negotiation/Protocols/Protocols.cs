using Simulation.Model.Registries;

namespace Simulation.Model.Negotiation;

/// <summary>
/// The protocols a scenario can name (DESIGN §4.3): adding a protocol is a class implementing
/// <see cref="INegotiationProtocol"/> and one line here. The scenario loader validates
/// <c>protocol:</c> and the number of parties against these entries, and the negotiation table starts
/// its protocol from them.
/// </summary>
public static class Protocols
{
    /// <summary>The protocols, in the order help and error messages list them; alternating offers is the default.</summary>
    public static Registry<ProtocolEntry> Registry { get; } = new("protocol",
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
    ], AlternatingOffersProtocol.ProtocolName);

    /// <summary>Starts the protocol <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No protocol has that name, or it does not take that many parties.</exception>
    public static INegotiationProtocol Create(string name, ProtocolSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var entry = Registry[name];
        if (!entry.Takes(setup.Parties.Count))
        {
            throw new ArgumentException($"Protocol '{name}' takes {entry.PartyCount} parties, got {setup.Parties.Count}.", nameof(setup));
        }

        return entry.Create(setup);
    }
}
