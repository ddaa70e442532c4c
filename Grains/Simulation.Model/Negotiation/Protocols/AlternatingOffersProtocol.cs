namespace Simulation.Model.Negotiation;

/// <summary>
/// The alternating-offers protocol for two parties (DESIGN §4.3; Rubinstein 1982, with a finite
/// deadline as in Ståhl 1972): turns alternate, the first party first; on its turn a party offers,
/// accepts the standing offer, or walks away. A round is one turn of each party. After
/// 2 × rounds turns without agreement the status is <see cref="NegotiationStatus.Deadline"/>.
/// It is stacked alternating offers with two parties, where one acceptance agrees; only the number
/// of parties is checked here.
/// </summary>
public sealed class AlternatingOffersProtocol : RoundRobinOffersProtocol
{
    public const string ProtocolName = "alternating-offers";

    public AlternatingOffersProtocol(string negotiationId, IReadOnlyList<string> parties, string first, int rounds)
        : base(negotiationId, TwoParties(parties), first, rounds)
    {
    }

    public override string Name => ProtocolName;

    private static IReadOnlyList<string> TwoParties(IReadOnlyList<string> parties)
    {
        ArgumentNullException.ThrowIfNull(parties);
        if (parties.Count != 2)
        {
            throw new ArgumentException($"Alternating offers takes exactly two distinct parties, got {parties.Count}.", nameof(parties));
        }

        return parties;
    }
}
