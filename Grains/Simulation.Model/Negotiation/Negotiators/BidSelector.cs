namespace Simulation.Model.Negotiation;

/// <summary>
/// Bidding "the best worst-off" (DESIGN §4.4): among outcomes worth at least a target τ to the
/// negotiator, the one maximising the minimum, over the other parties, of the opponent model's
/// estimate of their utility; exact ties drawn with the seeded generator. With one other party the
/// estimate is used as it comes (the maximum of a positive affine rescaling is the same outcome,
/// and using the raw value keeps the ties, hence the generator's draws, exactly as before).
/// </summary>
/// <remarks>
/// The search runs over the Pareto frontier of (own value, each estimate), built once per set of
/// estimates: a maximiser of the worst-off subject to u_self ≥ τ is weakly Pareto-optimal, so one
/// is on the frontier. Points are sorted by own utility descending (ties: score descending, then
/// outcome), so those meeting a target form a prefix. On a large space the frontier is an
/// ε-Pareto frontier (<see cref="ParetoFrontier.Resolution"/>): a bid still meets its target, and its
/// score is at most ε of the range below the best outcome worth τ + ε.
/// </remarks>
public sealed class BidSelector
{
    private readonly (Outcome Outcome, double Utility, double Score)[] _bids;

    public BidSelector(NegotiatorPreferences self, IReadOnlyList<AdditiveValueFunction> estimates)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(estimates);
        if (estimates.Count == 0)
        {
            throw new ArgumentException("Bidding needs an estimate for at least one other party.", nameof(estimates));
        }

        Self = self;
        Frontier = ParetoFrontier.Build(self.Values.Space, [self.Values, .. estimates]);
        _bids = Frontier.Points
            .Select(p => (p.Outcome, Utility: self.UtilityOfValue(p.Values[0]), Score: Score(p.Values, estimates)))
            .OrderByDescending(b => b.Utility)
            .ThenByDescending(b => b.Score)
            .ThenBy(b => b.Outcome)
            .ToArray();
    }

    public NegotiatorPreferences Self { get; }

    /// <summary>The Pareto frontier of (own value, estimates) that bids are chosen from.</summary>
    public ParetoFrontier Frontier { get; }

    /// <summary>The frontier's outcomes with their utility to the negotiator, best for it first.</summary>
    public IEnumerable<(Outcome Outcome, double Utility)> Candidates => _bids.Select(b => (b.Outcome, b.Utility));

    /// <summary>
    /// Among outcomes worth at least <paramref name="target"/>, the best worst-off; exact ties drawn
    /// with <paramref name="random"/> (drawn from only on a tie). If none reaches the target, the same
    /// among its own best outcomes.
    /// </summary>
    public Outcome Bid(double target, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var count = 0;
        while (count < _bids.Length && _bids[count].Utility >= target)
        {
            count++;
        }

        if (count == 0)
        {
            // A reservation-driven or indifferent party may aim above what exists: fall back on its
            // best outcomes, as if τ were their utility.
            var best = _bids[0].Utility;
            while (count < _bids.Length && _bids[count].Utility == best)
            {
                count++;
            }
        }

        var top = double.NegativeInfinity;
        for (var i = 0; i < count; i++)
        {
            top = Math.Max(top, _bids[i].Score);
        }

        var ties = new List<Outcome>();
        for (var i = 0; i < count; i++)
        {
            if (_bids[i].Score == top)
            {
                ties.Add(_bids[i].Outcome);
            }
        }

        return ties.Count == 1 ? ties[0] : ties[random.Next(ties.Count)];
    }

    /// <summary>One other party: its estimated value. Several: the least of their normalised estimates, (v − min)/(max − min), 0 for a constant estimate.</summary>
    private static double Score(IReadOnlyList<double> values, IReadOnlyList<AdditiveValueFunction> estimates)
    {
        if (estimates.Count == 1)
        {
            return values[1];
        }

        var worst = double.PositiveInfinity;
        for (var j = 0; j < estimates.Count; j++)
        {
            var range = estimates[j].Max - estimates[j].Min;
            worst = Math.Min(worst, range > 0 ? (values[j + 1] - estimates[j].Min) / range : 0);
        }

        return worst;
    }
}
