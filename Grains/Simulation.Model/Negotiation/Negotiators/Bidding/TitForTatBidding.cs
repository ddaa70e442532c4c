using Simulation.Model.Determinism;

namespace Simulation.Model.Negotiation;

/// <summary>
/// Relative tit-for-tat (Faratin, Sierra &amp; Jennings 1998, §4.3 "imitative tactics"), in one's own
/// utility (DESIGN §4.4). Its first offer is its best. An opponent's demand is what its offer leaves
/// the negotiator short of its best, d = 1 − u_self(offer). When an opponent's demand goes from
/// d_prev to d_last, the negotiator cuts its own demand above Pmin by the same ratio:
/// τ_next = Pmin + (τ_last − Pmin)·(d_last/d_prev), the ratio clamped to [0, 1] (1 when d_prev = 0:
/// nothing to mirror), Pmin = max(r, lowest utility), so it never goes below its reservation.
/// With several others it mirrors the smallest concession among those who made a new offer
/// (the largest ratio): it reciprocates no more than the least forthcoming gives.
/// Demands are measured with the preferences of the world as it stands, so after a reprice the same
/// offers are re-read in the new utilities.
/// </summary>
public sealed class TitForTatBidding : IBiddingStrategy
{
    public const string Name = "tit-for-tat";

    private double? _target;
    private int _seenCount;

    public string Label => Name;

    public static ComponentEntry<IBiddingStrategy> Entry { get; } = new(
        Name, "concede as much, relatively, as the opponent's last concession in one's own utility", [], _ => new TitForTatBidding());

    /// <summary>The target of its last bid (1 before its first).</summary>
    public double Target => _target ?? 1;

    public void Reprice(NegotiationView view)
    {
    }

    public Bid Propose(TurnContext turn, BiddingContext context, DeferredRandom random)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(context);
        var self = context.View.Self;
        var pMin = Math.Max(self.Reservation, self.MinUtility);
        var target = _target ?? self.MaxUtility;
        var ratio = ConcessionRatio(context, _seenCount);
        _seenCount = context.SeenMoves.Count;
        if (ratio is { } r)
        {
            target = pMin + (target - pMin) * r;
        }

        target = Math.Max(target, pMin);
        _target = target;
        return new Bid(context.Selector.Bid(target, random), target);
    }

    /// <summary>
    /// The largest d_last/d_prev, clamped to [0, 1], over others whose newest offer came after
    /// move <paramref name="alreadySeen"/>; null if none made a second offer since.
    /// </summary>
    private static double? ConcessionRatio(BiddingContext context, int alreadySeen)
    {
        double? ratio = null;
        foreach (var opponent in context.View.Opponents)
        {
            var offers = new List<(int Index, Outcome Offer)>();
            for (var i = 0; i < context.SeenMoves.Count; i++)
            {
                var move = context.SeenMoves[i];
                if (move.Party == opponent.Party && move.Action == MoveKind.Offer && move.Offer is { } offer)
                {
                    offers.Add((i, offer));
                }
            }

            if (offers.Count < 2 || offers[^1].Index < alreadySeen)
            {
                continue;
            }

            var self = context.View.Self;
            var dPrev = 1 - self.Utility(offers[^2].Offer);
            var dLast = 1 - self.Utility(offers[^1].Offer);
            var r = dPrev <= 0 ? 1 : Math.Clamp(dLast / dPrev, 0, 1);
            ratio = Math.Max(ratio ?? 0, r);
        }

        return ratio;
    }
}
