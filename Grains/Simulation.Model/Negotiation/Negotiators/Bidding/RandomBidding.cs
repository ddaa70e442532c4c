using Simulation.Model.Determinism;

namespace Simulation.Model.Negotiation;

/// <summary>
/// A baseline (DESIGN §4.4): a uniformly random outcome among those worth at least its reservation r.
/// Drawn by rejection: each issue's level uniformly from the seeded generator, kept if u ≥ r, up to
/// <see cref="MaxDraws"/> draws. Where that rarely succeeds (r near 1 on a large space) it falls back
/// on a uniform draw among the Pareto-frontier bids worth at least r (never empty: its best outcome
/// is worth 1 ≥ r), which is no longer uniform over the whole acceptable set; the target reported is
/// the bid's own utility.
/// </summary>
public sealed class RandomBidding : IBiddingStrategy
{
    public const string Name = "random";

    /// <summary>Rejection draws before the fallback: at an acceptance rate p, the fallback is taken with probability (1 − p)^MaxDraws (below 1e-4 for p ≥ 1 %).</summary>
    public const int MaxDraws = 1_000;

    public string Label => Name;

    public static ComponentEntry<IBiddingStrategy> Entry { get; } = new(Name, "a uniformly random offer worth at least the reservation", [], _ => new RandomBidding());

    public void Reprice(NegotiationView view)
    {
    }

    public Bid Propose(TurnContext turn, BiddingContext context, DeferredRandom random)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(random);
        var self = context.View.Self;
        var space = context.View.Space;
        var levels = new int[space.IssueCount];
        for (var draw = 0; draw < MaxDraws; draw++)
        {
            for (var i = 0; i < levels.Length; i++)
            {
                levels[i] = random.Generator.Next(space.LevelCounts[i]);
            }

            var outcome = Outcome.Of([.. levels]);
            var utility = self.Utility(outcome);
            if (utility >= self.Reservation)
            {
                return new Bid(outcome, utility);
            }
        }

        var acceptable = context.Selector.Candidates.Where(c => c.Utility >= self.Reservation).ToList();
        if (acceptable.Count == 0)
        {
            acceptable = [context.Selector.Candidates.First()];
        }

        var (chosen, u) = acceptable[random.Generator.Next(acceptable.Count)];
        return new Bid(chosen, u);
    }
}
