namespace Simulation.Model.Negotiation;

/// <summary>
/// A time-dependent negotiator (DESIGN §4.4; Faratin, Sierra &amp; Jennings 1998, as in GENIUS):
/// its target utility follows a <see cref="ConcessionCurve"/> from Pmax = 1 down to
/// Pmin = max(r, lowest utility); it bids the outcome its opponent model values most among those
/// worth at least the target to itself, and accepts by AC_next (Baarslag, Hindriks &amp; Jonker,
/// "Acceptance conditions in automated negotiation", 2011): a standing offer worth at least the
/// offer it would make now, and never below its reservation. It never walks away.
/// </summary>
/// <remarks>
/// Bidding searches the Pareto frontier of (own value, opponent model), built once: the
/// opponent-best outcome above a target is on it, and among outcomes the opponent model rates
/// equally it prefers those better for itself. Outcomes tied exactly on both values are split
/// with the caller's seeded generator; the generator is drawn from only on such a tie.
/// On a large space the frontier is an ε-Pareto frontier of at most
/// <see cref="ParetoFrontier.MaxExactPoints"/> points (ε = <see cref="ParetoFrontier.Resolution"/>),
/// so the bid list is bounded too: a bid still meets its target, and the opponent model values it
/// at most ε of its range below the best outcome worth τ + ε to this negotiator (the exact
/// frontier's point for τ + ε has a kept point within ε in both values, which meets τ).
/// </remarks>
public sealed class TimeDependentNegotiator : INegotiator
{
    // Frontier points with own utility, sorted by own utility descending (ties: opponent value
    // descending, then outcome): those meeting a target form a prefix.
    private readonly (Outcome Outcome, double Utility, double OpponentValue)[] _bids;
    private double? _lastTarget;
    private Outcome? _lastOffer;
    private double? _lastOfferUtility;
    private string? _lastAction;

    public TimeDependentNegotiator(
        string party,
        NegotiatorPreferences self,
        AdditiveValueFunction opponentModel,
        ConcessionCurve curve,
        OutcomeSpace space)
    {
        ArgumentException.ThrowIfNullOrEmpty(party);
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(opponentModel);
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(space);
        if (!self.Values.Space.Equals(space) || !opponentModel.Space.Equals(space))
        {
            throw new ArgumentException("The preferences and the opponent model must be over the negotiation's space.", nameof(space));
        }

        Party = party;
        Preferences = self;
        OpponentModel = opponentModel;
        Curve = curve;
        Space = space;
        Frontier = ParetoFrontier.Build(space, [self.Values, opponentModel]);
        _bids = Frontier.Points
            .Select(p => (p.Outcome, Utility: self.UtilityOfValue(p.Values[0]), OpponentValue: p.Values[1]))
            .OrderByDescending(b => b.Utility)
            .ThenByDescending(b => b.OpponentValue)
            .ThenBy(b => b.Outcome)
            .ToArray();
    }

    public string Party { get; }

    public NegotiatorPreferences Preferences { get; }

    public AdditiveValueFunction OpponentModel { get; }

    public ConcessionCurve Curve { get; }

    public OutcomeSpace Space { get; }

    /// <summary>The Pareto frontier of (own value, opponent model) that bids are chosen from.</summary>
    public ParetoFrontier Frontier { get; }

    /// <summary>Pmin = max(r, lowest utility) (DESIGN §4.4).</summary>
    public double MinTarget => Math.Max(Preferences.Reservation, Preferences.MinUtility);

    /// <summary>τ(t) with Pmin = max(r, lowest utility) and Pmax = 1.</summary>
    public double TargetUtility(TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return Curve.Target(turn.Time, MinTarget, 1);
    }

    /// <summary>
    /// The offer this negotiator would make for a target: among outcomes worth at least
    /// <paramref name="target"/> to itself, the one its opponent model values most, exact ties
    /// drawn with <paramref name="random"/>. If none reaches the target, its own best outcome(s).
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
            // Cannot happen for τ ≤ 1 = u(best), but a reservation-driven or indifferent party
            // may aim above what exists: fall back on its best outcomes, as if τ were their utility.
            var best = _bids[0].Utility;
            while (count < _bids.Length && _bids[count].Utility == best)
            {
                count++;
            }
        }

        var top = double.NegativeInfinity;
        for (var i = 0; i < count; i++)
        {
            top = Math.Max(top, _bids[i].OpponentValue);
        }

        var ties = new List<Outcome>();
        for (var i = 0; i < count; i++)
        {
            if (_bids[i].OpponentValue == top)
            {
                ties.Add(_bids[i].Outcome);
            }
        }

        return ties.Count == 1 ? ties[0] : ties[random.Next(ties.Count)];
    }

    /// <summary>
    /// Its move: Accept if someone else's standing offer is worth at least the offer it would make
    /// now (AC_next) and at least its reservation; otherwise that offer.
    /// </summary>
    public NegotiationAction Decide(TurnContext turn, Random random)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(random);
        var target = TargetUtility(turn);
        var bid = Bid(target, random);
        var bidUtility = Preferences.Utility(bid);
        _lastTarget = target;

        if (turn.StandingOffer is { } standing && !string.Equals(turn.StandingOfferBy, Party, StringComparison.Ordinal))
        {
            var standingUtility = Preferences.Utility(standing);
            if (standingUtility >= bidUtility && standingUtility >= Preferences.Reservation)
            {
                _lastAction = "accept";
                return new Accept();
            }
        }

        _lastOffer = bid;
        _lastOfferUtility = bidUtility;
        _lastAction = "offer";
        return new Offer(bid);
    }

    /// <summary>Its state for display.</summary>
    public NegotiatorSnapshot Snapshot() =>
        new(Party, Curve.ToString(), Preferences.Reservation, _lastTarget, _lastOffer, _lastOfferUtility, _lastAction);
}
