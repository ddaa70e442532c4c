namespace Simulation.Model.Negotiation;

/// <summary>
/// Stacked alternating offers for N ≥ 2 parties (DESIGN §4.3; SAOP of Aydoğan et al. 2017, the
/// protocol of GENIUS's multilateral ANAC leagues): round-robin turns from the first party; an offer
/// is agreed once every other party has accepted it in turn, and any party may replace it with a
/// counter-offer on its turn. The rules are those of <see cref="RoundRobinOffersProtocol"/>.
/// </summary>
public sealed class StackedAlternatingOffersProtocol(string negotiationId, IReadOnlyList<string> parties, string first, int rounds)
    : RoundRobinOffersProtocol(negotiationId, parties, first, rounds)
{
    public const string ProtocolName = "stacked-alternating-offers";

    public override string Name => ProtocolName;
}
