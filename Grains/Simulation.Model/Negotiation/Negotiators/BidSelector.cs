using Simulation.Model.Determinism;

namespace Simulation.Model.Negotiation;

/// <summary>
/// Bidding "the best worst-off" (DESIGN §4.4): among outcomes worth at least a target τ to the
/// negotiator, the one maximising the minimum, over the other parties, of the opponent model's
/// estimate of their utility; among those, the best for the negotiator; remaining exact ties drawn
/// with the seeded generator. With one other party the estimate is used as it comes (the maximum of
/// a positive affine rescaling is the same outcome, and using the raw value keeps the ties, hence
/// the generator's draws, exactly as before).
/// </summary>
/// <remarks>
/// <para>One other party: the search runs over the Pareto frontier of (own value, estimate), built
/// once per estimate: a maximiser subject to u_self ≥ τ, best for oneself among maximisers, is
/// Pareto-optimal, so it is on it. On a large space that frontier is an ε-Pareto frontier
/// (<see cref="ParetoFrontier.Resolution"/>): a bid still meets its target, and its score is at most
/// ε of the range below the best outcome worth τ + ε. Where that frontier is pruned but the space
/// has at most <see cref="MaxEnumeratedOutcomes"/> outcomes, every outcome is a candidate instead,
/// so the bid is the exact one and outcomes tied with it (a quota that does not bind, at any
/// volume) are all drawn from; an exact frontier gives the same bids as enumeration, bit for bit.</para>
/// <para>Several others: each is rated by its share of possible gain over its reservation as the
/// estimate sees it, (û_j − r̂_j)/(1 − r̂_j) (<see cref="WorstOff"/>), the Kalai–Smorodinsky idea of
/// equal shares of the possible gain (Kalai &amp; Smorodinsky 1975) applied to the bid; an outcome
/// below someone's reservation ranks below every outcome all can accept. On a space of at most
/// <see cref="MaxEnumeratedOutcomes"/> outcomes every outcome is a candidate, so the bid is the exact
/// maximin. Above it a Pareto frontier in three or more dimensions grows too fast to build (measured:
/// 4 parties over 10 issues of 6 levels, 2.2 s and 2,463 points; over 20 issues of 5 levels, over
/// 150 s), and the candidates are the union of the two-dimensional frontiers of (own value,
/// Σ_j w_j·(û_j − r̂_j)/(1 − r̂_j)) for weight vectors w on a lattice of the simplex
/// (<see cref="WeightVectors"/>, at most <see cref="MaxWeightVectors"/> of them besides the equal
/// weights): this finds every maximin outcome that some such weighted sum supports; an unsupported
/// one (in a dent of the frontier) may be missed, and the bid is then the best supported one.</para>
/// <para>A bid is one pass over the candidates, kept in ascending outcome order (on 200,000 outcomes,
/// well under a millisecond); sorting them would cost more than the rest whenever an opponent model
/// that learns changes its estimates, hence the selector, every turn.</para>
/// </remarks>
public sealed class BidSelector
{
    /// <summary>Most lattice weight vectors (two-dimensional frontiers) used with several other parties.</summary>
    public const int MaxWeightVectors = 16;

    /// <summary>
    /// Most outcomes for which the maximin with several other parties is taken over the whole space;
    /// above it, over the weighted frontiers. Measured: three parties over 3^11 = 177,147 outcomes, a
    /// 60-round run in 1.5 s with the economic opponent model (ratings built once), 21 s with the
    /// frequency model (rebuilt every turn, about 0.13 s each).
    /// </summary>
    public const double MaxEnumeratedOutcomes = 200_000;

    /// <summary>The candidates in ascending outcome order: the i-th is <see cref="_outcomeAt"/>(i), with its utility to the negotiator and its score.</summary>
    private readonly double[] _utility;

    private readonly double[] _score;

    /// <summary>The most any candidate is worth to the negotiator: the candidates are fixed, so this is found once, not at every bid.</summary>
    private double? _bestUtility;

    private readonly Func<int, Outcome> _outcomeAt;

    private int[]? _bestForSelfFirst;

    private readonly Lazy<ParetoFrontier> _frontier;

    public BidSelector(NegotiatorPreferences self, IReadOnlyList<AdditiveValueFunction> estimates)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(estimates);
        if (estimates.Count == 0)
        {
            throw new ArgumentException("Bidding needs an estimate for at least one other party.", nameof(estimates));
        }

        Self = self;
        var space = self.Values.Space;
        if (estimates.Count == 1)
        {
            var frontier = ParetoFrontier.Build(space, [self.Values, estimates[0]]);
            _frontier = new Lazy<ParetoFrontier>(frontier);
            if (!frontier.IsExact && IsEnumerable(space))
            {
                // A pruned frontier keeps one outcome per ε-box: it drops outcomes tied with a kept one
                // (two quota volumes that do not bind are the same world) and may miss the best
                // worst-off by up to ε of the range. Where every outcome can be read, the bid is the exact one.
                (_utility, _score) = EveryOutcome(self, estimates, worstOff: false);
                _outcomeAt = i => OutcomeAt(space, i);
                return;
            }

            var points = frontier.Points.OrderBy(p => p.Outcome).ToArray();
            _utility = [.. points.Select(p => self.UtilityOfValue(p.Values[0]))];
            _score = [.. points.Select(p => p.Values[1])];
            _outcomeAt = i => points[i].Outcome;
            return;
        }

        var equalWeights = Enumerable.Repeat(1.0 / estimates.Count, estimates.Count).ToArray();
        if (IsEnumerable(space))
        {
            // Every outcome is a candidate: the maximin is exact. The frontier shown is built only if asked for.
            (_utility, _score) = EveryOutcome(self, estimates, worstOff: true);
            _outcomeAt = i => OutcomeAt(space, i);
            _frontier = new Lazy<ParetoFrontier>(() => ParetoFrontier.Build(space, [self.Values, Weighted(space, estimates, equalWeights)]));
            return;
        }

        var union = new SortedSet<Outcome>();
        ParetoFrontier? equal = null;
        foreach (var weights in WeightVectors(estimates.Count))
        {
            var frontier = ParetoFrontier.Build(space, [self.Values, Weighted(space, estimates, weights)]);
            union.UnionWith(frontier.Points.Select(p => p.Outcome));
            if (weights.SequenceEqual(equalWeights))
            {
                equal = frontier;
            }
        }

        var shown = equal ?? throw new InvalidOperationException("The equal weights are always among the weight vectors.");
        _frontier = new Lazy<ParetoFrontier>(shown);
        var candidates = union.ToArray();
        _utility = [.. candidates.Select(self.Utility)];
        _score = [.. candidates.Select(o => WorstOff(estimates, [.. estimates.Select(e => e.Value(o))]))];
        _outcomeAt = i => candidates[i];
    }

    public NegotiatorPreferences Self { get; }

    /// <summary>
    /// The Pareto frontier of (own value, estimate) that bids are chosen from; with several others,
    /// that of (own value, the equally weighted sum of their shares of possible gain), built on first use
    /// where the whole space is searched.
    /// </summary>
    public ParetoFrontier Frontier => _frontier.Value;

    /// <summary>The outcomes searched with their utility to the negotiator, best for it first.</summary>
    public IEnumerable<(Outcome Outcome, double Utility)> Candidates =>
        (_bestForSelfFirst ??= [.. Enumerable.Range(0, _utility.Length).OrderByDescending(i => _utility[i]).ThenByDescending(i => _score[i])])
            .Select(i => (_outcomeAt(i), _utility[i]));

    /// <summary>
    /// Weight vectors on the simplex for <paramref name="others"/> parties: every w with w_j = a_j/H,
    /// a_j ≥ 0 integers summing to H, for the largest H ≤ 10 giving at most
    /// <see cref="MaxWeightVectors"/> vectors (2 others: H = 10, 11 vectors; 3 others: H = 4, 15),
    /// and the equal weights if the lattice lacks them. In a fixed order.
    /// </summary>
    public static IReadOnlyList<double[]> WeightVectors(int others)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(others, 1);
        var h = 10;
        while (h > 1 && Lattice(others, h).Count() > MaxWeightVectors)
        {
            h--;
        }

        var vectors = Lattice(others, h).Select(a => a.Select(x => (double)x / h).ToArray()).ToList();
        var equal = Enumerable.Repeat(1.0 / others, others).ToArray();
        if (!vectors.Any(v => v.All(w => w == v[0])))
        {
            vectors.Add(equal);
        }

        return vectors;
    }

    /// <summary>
    /// Among outcomes worth at least <paramref name="target"/>, the best worst-off; exact ties drawn
    /// with <paramref name="random"/> (drawn from only on a tie). If none reaches the target, the same
    /// among its own best outcomes.
    /// </summary>
    public Outcome Bid(double target, DeferredRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        // A reservation-driven or indifferent party may aim above what exists: then it falls back on
        // its best outcomes, as if τ were their utility.
        var floor = Math.Min(target, _bestUtility ??= _utility.Max());

        // The best worst-off; among outcomes equally good for it, the best for oneself; then the seeded
        // draw over the tied outcomes in ascending order. One pass over the candidates.
        var (topScore, topUtility) = (double.NegativeInfinity, double.NegativeInfinity);
        var ties = new List<int>();
        for (var i = 0; i < _utility.Length; i++)
        {
            var (utility, score) = (_utility[i], _score[i]);
            if (utility < floor || score < topScore || (score == topScore && utility < topUtility))
            {
                continue;
            }

            if (score > topScore || utility > topUtility)
            {
                (topScore, topUtility) = (score, utility);
                ties.Clear();
            }

            ties.Add(i);
        }

        return _outcomeAt(ties.Count == 1 ? ties[0] : ties[random.Generator.Next(ties.Count)]);
    }

    /// <summary>Whether the space has at most <see cref="MaxEnumeratedOutcomes"/> outcomes.</summary>
    public static bool IsEnumerable(OutcomeSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        return space.Cardinality <= MaxEnumeratedOutcomes;
    }

    /// <summary>
    /// The negotiator's utility and the score of every outcome (the worst-off share, or with one other party its estimate as it comes), in ascending level order (the
    /// first issue most significant), read from the per-group value tables without building the outcomes.
    /// </summary>
    private static (double[] Utility, double[] Score) EveryOutcome(NegotiatorPreferences self, IReadOnlyList<AdditiveValueFunction> estimates, bool worstOff)
    {
        var space = self.Values.Space;
        var groups = space.Groups;
        var issuesOf = groups.Select(g => g.Issues.ToArray()).ToArray();
        var countsOf = groups.Select(g => g.LevelCounts.ToArray()).ToArray();
        AdditiveValueFunction[] functions = [self.Values, .. estimates];
        var tables = functions.Select(f => groups.Select((group, g) => Enumerable.Range(0, group.Size).Select(c => f.GroupValue(g, c)).ToArray()).ToArray()).ToArray();
        var count = (int)space.Cardinality;
        var (utility, score) = (new double[count], new double[count]);
        var levels = new int[space.IssueCount];
        var values = new double[functions.Length];
        for (var index = 0; index < count; index++)
        {
            Array.Clear(values);
            for (var g = 0; g < groups.Count; g++)
            {
                var combination = 0;
                for (var j = 0; j < issuesOf[g].Length; j++)
                {
                    combination = combination * countsOf[g][j] + levels[issuesOf[g][j]];
                }

                for (var f = 0; f < functions.Length; f++)
                {
                    values[f] += tables[f][g][combination];
                }
            }

            utility[index] = self.UtilityOfValue(values[0]);
            score[index] = worstOff ? WorstOff(estimates, values.AsSpan(1)) : values[1];
            for (var issue = levels.Length - 1; issue >= 0 && ++levels[issue] == space.LevelCounts[issue]; issue--)
            {
                levels[issue] = 0;
            }
        }

        return (utility, score);
    }

    /// <summary>The outcome at <paramref name="index"/> in ascending level order (the first issue most significant).</summary>
    private static Outcome OutcomeAt(OutcomeSpace space, int index)
    {
        var levels = new int[space.IssueCount];
        for (var issue = levels.Length - 1; issue >= 0; issue--)
        {
            levels[issue] = index % space.LevelCounts[issue];
            index /= space.LevelCounts[issue];
        }

        return Outcome.Of(levels);
    }

    private static IEnumerable<int[]> Lattice(int parts, int total)
    {
        if (parts == 1)
        {
            yield return [total];
            yield break;
        }

        for (var first = total; first >= 0; first--)
        {
            foreach (var rest in Lattice(parts - 1, total - first))
            {
                yield return [first, .. rest];
            }
        }
    }

    /// <summary>
    /// Σ_j c_j·V_j group by group (constant estimates add nothing), with c_j = w_j/((1 − r̂_j)·(Max_j − Min_j)):
    /// Σ_j w_j·(û_j − r̂_j)/(1 − r̂_j) up to a constant, each party's utility scaled by its possible gain
    /// over its reservation r̂_j (<see cref="WorstOff"/>), so that the frontiers searched are those of
    /// the score bids are chosen by. A party that can only lose (r̂_j = 1: nothing on the table is worth
    /// more to it than no deal) must be left whole for any bid to be accepted: it weighs in every sum,
    /// at least 1/(10⁻³·range), so that at each own value the frontier holds the outcomes that spare it.
    /// </summary>
    private static AdditiveValueFunction Weighted(OutcomeSpace space, IReadOnlyList<AdditiveValueFunction> estimates, double[] weights)
    {
        var tables = space.Groups.Select(g => new double[g.Size]).ToList();
        for (var j = 0; j < estimates.Count; j++)
        {
            var range = estimates[j].Max - estimates[j].Min;
            if (!(range > 0))
            {
                continue;
            }

            var reservation = Math.Clamp((0 - estimates[j].Min) / range, 0, 1);
            var weight = reservation >= 1 ? Math.Max(weights[j], 1) : weights[j];
            if (weight == 0)
            {
                continue;
            }

            var coefficient = weight / (Math.Max(1 - reservation, 1e-3) * range);
            for (var g = 0; g < tables.Count; g++)
            {
                for (var c = 0; c < tables[g].Length; c++)
                {
                    tables[g][c] += coefficient * estimates[j].GroupValue(g, c);
                }
            }
        }

        return new AdditiveValueFunction(space, tables);
    }

    /// <summary>
    /// How well off the worst-off other party is, as the share of its possible gain over no deal
    /// that it gets: for each estimate, û = (v − min)/(max − min) and r̂ = clip((0 − min)/(max − min)),
    /// the utility of no deal as the estimate sees it (V = 0 is no deal, DESIGN §4.2); the share is
    /// (û − r̂)/(1 − r̂), or 1 for a party that cannot gain (r̂ = 1) and is not made to lose; v = <paramref name="values"/>[j], estimate j's value of the outcome.
    /// An outcome that leaves some party below its reservation scores below −1 (by how far it
    /// falls short), so an outcome every party can accept is always preferred: with three or more
    /// parties, a bid that one of them must refuse cannot be agreed (SAOP needs all), however good
    /// it is for the others. This is the Kalai–Smorodinsky idea (equal shares of the possible gain)
    /// applied to the bid, rather than equal raw utilities.
    /// </summary>
    private static double WorstOff(IReadOnlyList<AdditiveValueFunction> estimates, ReadOnlySpan<double> values)
    {
        var worst = double.PositiveInfinity;
        for (var j = 0; j < estimates.Count; j++)
        {
            var estimate = estimates[j];
            var range = estimate.Max - estimate.Min;
            if (!(range > 0))
            {
                worst = Math.Min(worst, 1);
                continue;
            }

            var utility = (values[j] - estimate.Min) / range;
            var reservation = Math.Clamp((0 - estimate.Min) / range, 0, 1);
            var share = utility < reservation ? utility - reservation - 1
                : reservation < 1 ? (utility - reservation) / (1 - reservation)
                : 1;
            worst = Math.Min(worst, share);
        }

        return worst;
    }
}
