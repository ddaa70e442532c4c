namespace Simulation.Model.Negotiation;

/// <summary>
/// What one party's negotiator knows about a table, for the world as it stands (DESIGN §4.2): the
/// outcome space, its own preferences (with its reservation) and per-offer discount δ, and for each
/// other party its value as the public economic model sees it and, for strategies assuming complete
/// information (<c>perfect</c>, <c>backward-induction</c>), its true preferences and discount.
/// Repricing hands a negotiator a new view; what it has learnt is its own.
/// </summary>
public sealed class NegotiationView
{
    public NegotiationView(string party, NegotiatorPreferences self, double discount, IReadOnlyList<OpponentView> opponents)
    {
        ArgumentException.ThrowIfNullOrEmpty(party);
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(opponents);
        CheckDiscount(discount);
        if (opponents.Count == 0)
        {
            throw new ArgumentException("A negotiation has at least one other party.", nameof(opponents));
        }

        foreach (var opponent in opponents)
        {
            if (!opponent.PublicValues.Space.Equals(self.Values.Space) || !opponent.Preferences.Values.Space.Equals(self.Values.Space))
            {
                throw new ArgumentException($"The values of {opponent.Party} are not over the negotiation's space.", nameof(opponents));
            }
        }

        Party = party;
        Self = self;
        Discount = discount;
        Opponents = [.. opponents];
    }

    public string Party { get; }

    public OutcomeSpace Space => Self.Values.Space;

    public NegotiatorPreferences Self { get; }

    /// <summary>δ ∈ (0, 1]: an agreement on the offer made at turn m is worth u·δ^(m−1) (DESIGN §4.2).</summary>
    public double Discount { get; }

    /// <summary>The other parties, in the negotiation's order.</summary>
    public IReadOnlyList<OpponentView> Opponents { get; }

    /// <summary>The discounted utility u·δ^(m−1) of an agreement on an outcome of utility u offered at turn m (1-based).</summary>
    public static double Discounted(double utility, double discount, int offerTurn)
    {
        CheckDiscount(discount);
        ArgumentOutOfRangeException.ThrowIfLessThan(offerTurn, 1);
        return discount == 1 ? utility : utility * Math.Pow(discount, offerTurn - 1);
    }

    internal static void CheckDiscount(double discount)
    {
        if (!(discount > 0 && discount <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(discount), discount, "A discount factor δ lies in (0, 1].");
        }
    }
}
