using Simulation.Model.Negotiation;

namespace Simulation.Model.Tests.Negotiation;

/// <summary>
/// With one other party, a space small enough to enumerate gets the exact best worst-off bid even
/// where its Pareto frontier is too large to keep exact (DESIGN §4.4, §4.5): the ε-frontier keeps one
/// outcome per box, so it would drop outcomes tied with a kept one and could miss the best by up to ε.
/// Checked against brute force over every outcome.
/// </summary>
public sealed class ExactBidTests
{
    // Four lines of 15 levels, each its own group, worth a gain to one party and exactly as much loss
    // to the other: no outcome dominates another, so all 50,625 value pairs are on the frontier, far
    // more than it keeps exact. A fifth issue of two levels
    // that neither party cares about: every outcome has an exact twin, as two quota volumes that do
    // not bind have. 15⁴ · 2 = 101,250 outcomes.
    private static readonly double[] Gains = [3.1, 1.7, 2.3, 0.9];

    private static (OutcomeSpace Space, AdditiveValueFunction Self, AdditiveValueFunction Other) Domain()
    {
        var space = OutcomeSpace.Separable(15, 15, 15, 15, 2);
        double[][] self = [.. Gains.Select(g => Enumerable.Range(0, 15).Select(l => g * Math.Sqrt(l / 14.0)).ToArray()), [0, 0]];
        double[][] other = [.. self.Select(line => line.Select(v => -v).ToArray())];
        return (space, new AdditiveValueFunction(space, self), new AdditiveValueFunction(space, other));
    }

    [Fact]
    public void The_bid_is_the_brute_force_best_worst_off_with_its_exact_ties_even_where_the_frontier_is_pruned()
    {
        var (space, selfValues, other) = Domain();
        var self = new NegotiatorPreferences(selfValues);
        var selector = new BidSelector(self, [other]);
        ParetoFrontier.Build(space, [selfValues, other]).IsExact.Should().BeFalse("the case is one where the frontier is pruned");
        var all = space.EnumerateAll().Select(o => (Outcome: o, Utility: self.Utility(o), Score: other.Value(o))).ToList();

        foreach (var target in new[] { 0.15, 0.35, 0.55, 0.75, 0.95 })
        {
            // Brute force: among outcomes worth at least the target, the highest estimate, then the
            // highest utility; every outcome with those two exactly is a tie.
            var eligible = all.Where(p => p.Utility >= target).ToList();
            var top = eligible.Max(p => p.Score);
            var best = eligible.Where(p => p.Score == top).Max(p => p.Utility);
            var ties = eligible.Where(p => p.Score == top && p.Utility == best).Select(p => p.Outcome).ToHashSet();
            ties.Should().HaveCount(2, "the indifferent issue doubles every outcome");

            var bids = Enumerable.Range(0, 40).Select(seed => selector.Bid(target, new Random(seed))).ToHashSet();

            bids.Should().BeEquivalentTo(ties, $"the bids at target {target} are the brute-force best and both its tied outcomes are drawn");
        }
    }
}
