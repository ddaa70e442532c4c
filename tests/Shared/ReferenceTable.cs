using System.Globalization;
using Simulation.Model.Determinism;
using Simulation.Model.Scenarios;

namespace Simulation.Tests.Shared;

/// <summary>
/// One negotiation of <see cref="ReferenceRun"/>, bargained by the rules as docs/scenario-format.md and DESIGN
/// §4.2–4.4 state them, over every outcome of its space.
/// </summary>
/// <remarks>
/// Turns (SAOP, Aydoğan et al. 2017; with two parties Rubinstein's alternating offers): the parties
/// move in turn from <c>first</c>, a round being one turn each. On its turn a party facing another's
/// offer accepts it, if its acceptance condition says so; otherwise, with a discount δ &lt; 1, it walks
/// away once its best utility discounted to the earliest turn it could still be agreed (its own
/// offer now, turn m: 1·δ^(m−1)) is below its reservation; otherwise it offers. An offer is agreed
/// once every other party has accepted it in turn; a counter-offer starts the count again. Bidding
/// (Faratin, Sierra &amp; Jennings 1998): τ(t) = Pmin + (1 − Pmin)(1 − F(t)), F(t) = k + (1 − k)·t^(1/e),
/// t = turns taken / turns available, Pmin = the reservation; among the outcomes worth at least τ
/// (or, if none, the best ones) the one the opponent model rates best for the other side (with
/// several, the best for the worst-off, each rated by its share of possible gain over its reservation as
/// its model sees it, <see cref="WorstOff"/>), then the best for oneself, then the seeded draw; with no opponent model, the outcome just above the target. Tit-for-tat
/// (two parties) sets the target by the opponent's concessions instead; random bidding draws a
/// uniformly random outcome worth at least the reservation. Acceptance (Baarslag et al. 2014): AC_next, the standing offer is worth at
/// least one's own next bid; AC_const(α), at least α; neither below the reservation.
/// </remarks>
public sealed class ReferenceTable(NegotiationSpec spec)
{
    public NegotiationSpec Spec { get; } = spec;

    public string Id => Spec.Id;

    /// <summary>Every outcome, as level indices, in ascending level order (the first issue most significant).</summary>
    public IReadOnlyList<int[]> Outcomes { get; } = Enumerate(spec);

    public IReadOnlyList<string> Order { get; } =
        [.. Enumerable.Range(0, spec.Parties.Count).Select(i => spec.Parties[(spec.Parties.ToList().IndexOf(spec.First) + i) % spec.Parties.Count])];

    public string Status { get; private set; } = "not_started";

    public int TurnsTaken { get; private set; }

    public int? Standing { get; private set; }

    public string? StandingBy { get; private set; }

    /// <summary>The turn (1-based) at which the standing offer was made, for the discount.</summary>
    public int StandingTurn { get; private set; }

    public int Acceptances { get; private set; }

    public int? Agreement { get; private set; }

    /// <summary>Every move: the negotiation's round and turn, the party, its action and the outcome it concerns (none for a walk-away).</summary>
    public List<ReferenceRun.Move> Moves { get; } = [];

    public int AgreementTurn { get; private set; }

    /// <summary>The negotiation's own round: of its last turn once ended, else of its next.</summary>
    public int Round => RoundOfTurn(Status == "active" || Status == "not_started" ? TurnsTaken + 1 : _endTurn);

    public bool IsActive => Status == "active";

    public ReferenceRun.NegotiationResult? Result { get; set; }

    /// <summary>The values the table was last given, and the world version they belong to.</summary>
    public (int Version, ReferenceValuation.Values Values)? Priced { get; set; }

    private int _endTurn;

    /// <summary>Per tit-for-tat party: its current target, and its opponent's last demand on it.</summary>
    private readonly Dictionary<string, (double Target, double? OpponentDemand)> _titForTat = new(StringComparer.Ordinal);

    private int TurnsAvailable => Order.Count * Spec.Rounds;

    public void Open() => Status = "active";

    /// <summary>A terminate event: the negotiation ends at the turn it would have played next.</summary>
    public void Terminate()
    {
        _endTurn = TurnsTaken + 1;
        Status = "terminated";
    }

    public int RoundOfTurn(int turn) => (turn + Order.Count - 1) / Order.Count;

    /// <summary>One round: every party's turn, unless the negotiation ends first.</summary>
    public void PlayRound(IReadOnlyList<Country> countries, ReferenceValuation.Values values, long seed, Func<ReferenceTable, string, StrategySpec> strategyOf)
    {
        var playing = RoundOfTurn(TurnsTaken + 1);
        while (IsActive && RoundOfTurn(TurnsTaken + 1) == playing)
        {
            var party = Order[TurnsTaken % Order.Count];
            var country = countries.First(c => c.Id == party);
            var strategy = strategyOf(this, party);
            var scale = Scale.Of(values.Own[party], Spec.Reservations.TryGetValue(party, out var set) ? set : country.Reservation);
            var turn = TurnsTaken + 1;
            var random = SeededRandom.For(seed, Id, party, TurnsTaken.ToString(CultureInfo.InvariantCulture));
            var bid = Bid(party, strategy, scale, values, random);
            TurnsTaken = turn;
            _endTurn = turn;

            if (Standing is { } standing && StandingBy != party && Accepts(strategy, scale, standing, bid, turn))
            {
                Moves.Add(new ReferenceRun.Move(RoundOfTurn(turn), turn, party, "accept", Outcomes[standing]));
                Acceptances++;
                if (Acceptances == Order.Count - 1)
                {
                    Status = "agreed";
                    Agreement = standing;
                    AgreementTurn = StandingTurn;
                    return;
                }
            }
            else if (DiscountOf(party, countries) is var discount && discount < 1 && WalksAway(scale.Max * Math.Pow(discount, turn - 1), scale.Reservation, $"{Id} turn {turn}: whether {party} walks away"))
            {
                Moves.Add(new ReferenceRun.Move(RoundOfTurn(turn), turn, party, "walk_away", null));
                Status = "walked_away";
                return;
            }
            else
            {
                Moves.Add(new ReferenceRun.Move(RoundOfTurn(turn), turn, party, "offer", Outcomes[bid]));
                Standing = bid;
                StandingBy = party;
                StandingTurn = turn;
                Acceptances = 0;
            }

            if (TurnsTaken == TurnsAvailable)
            {
                Status = "deadline";
            }
        }
    }

    private static bool WalksAway(double bestDiscounted, double reservation, string what)
    {
        ReferenceRun.Unambiguous(bestDiscounted, reservation, what);
        return bestDiscounted < reservation;
    }

    /// <summary>δ: the negotiation's <c>discounts</c>, else the country's <c>discount</c>, else 1 (docs/scenario-format.md, precedence).</summary>
    public double DiscountOf(string party, IReadOnlyList<Country> countries) =>
        Spec.Discounts.TryGetValue(party, out var set) ? set : countries.First(c => c.Id == party).Discount ?? 1;

    private bool Accepts(StrategySpec strategy, Scale scale, int standing, int bid, int turn)
    {
        var offered = scale.Utility[standing];
        ReferenceRun.Unambiguous(offered, scale.Reservation, $"{Id} turn {turn}: the standing offer against the reservation");
        if (offered < scale.Reservation)
        {
            return false;
        }

        var bar = strategy.Acceptance.Type switch
        {
            "next" => scale.Utility[bid],
            "constant" => strategy.Acceptance["alpha"],
            var other => throw new NotSupportedException($"The reference replay has no acceptance condition '{other}'."),
        };
        ReferenceRun.Unambiguous(offered, bar, $"{Id} turn {turn}: acceptance");
        return offered >= bar;
    }

    private int Bid(string party, StrategySpec strategy, Scale scale, ReferenceValuation.Values values, Random random)
    {
        if (strategy.Bidding.Type == "random")
        {
            // A uniformly random offer worth at least the reservation (docs/scenario-format.md, Strategies), drawn by
            // rejection, which is uniform over those outcomes: each issue's level uniformly, in issue
            // order, until the outcome is worth the reservation. The model gives up after 1,000
            // draws and falls back on its frontier, which this replay does not build: it refuses.
            for (var draw = 0; draw < 1_000; draw++)
            {
                var levels = Spec.Issues.Select(issue => random.Next(issue.LevelCount)).ToArray();
                var drawn = Index(levels);
                ReferenceRun.Unambiguous(scale.Utility[drawn], scale.Reservation, $"{Id}: whether {party}'s random draw is worth its reservation");
                if (scale.Utility[drawn] >= scale.Reservation)
                {
                    return drawn;
                }
            }

            throw new NotSupportedException($"The reference replay does not replay random bidding after 1,000 rejected draws ({party} in {Id}).");
        }

        var pMin = scale.Reservation;
        var target = strategy.Bidding.Type switch
        {
            "time-dependent" => TimeDependentTarget(strategy, pMin),
            "tit-for-tat" => TitForTatTarget(party, scale),
            var other => throw new NotSupportedException($"The reference replay has no bidding strategy '{other}' ({party} in {Id})."),
        };

        var utility = scale.Utility;
        foreach (var u in utility)
        {
            ReferenceRun.Unambiguous(u, target, $"{Id}: whether an outcome meets {party}'s target");
        }

        var eligible = Enumerable.Range(0, utility.Length).Where(o => utility[o] >= target).ToList();
        if (eligible.Count == 0)
        {
            var best = utility.Max();
            eligible = [.. Enumerable.Range(0, utility.Length).Where(o => utility[o] == best)];
        }

        var others = Order.Where(p => p != party).ToList();
        // Opponent models (docs/scenario-format.md, Strategies): economic, the others' values with their lobby
        // weights unknown; perfect, their true values; none, no model, so the bid just above the
        // target: as if every other party wanted exactly the opposite of oneself.
        var negated = values.Own[party].Select(v => -v).ToArray();
        double[] Modelled(string other) => strategy.OpponentModel switch
        {
            "economic" => values.AsSeen[other],
            "perfect" => values.Own[other],
            "none" => negated,
            var unknown => throw new NotSupportedException($"The reference replay has no opponent model '{unknown}'."),
        };
        var rating = others.Count == 1
            ? Modelled(others[0])
            : WorstOff([.. others.Select(Modelled)]);
        var top = eligible.Max(o => rating[o]);
        // Ratings equal to rounding are ties (the model sums per-sector values, this replay differences whole worlds).
        var tolerance = ReferenceRun.Tolerance * Math.Max(1, rating.Max(Math.Abs));
        var favourites = eligible.Where(o => Math.Abs(rating[o] - top) <= tolerance).ToList();
        var topForSelf = favourites.Max(o => utility[o]);
        var ties = favourites.Where(o => Math.Abs(utility[o] - topForSelf) <= ReferenceRun.Tolerance).ToList();
        return ties.Count == 1 ? ties[0] : ties[random.Next(ties.Count)];
    }

    private double TimeDependentTarget(StrategySpec strategy, double pMin)
    {
        var (e, k) = (strategy.Bidding["e"], strategy.Bidding["k"]);
        var t = (double)TurnsTaken / TurnsAvailable;
        // t^(1/e) with e = 0 (hardliner): 0 before the deadline, so F = k.
        var conceded = e == 0 ? k : k + (1 - k) * Math.Pow(t, 1 / e);
        return pMin + (1 - pMin) * (1 - conceded);
    }

    /// <summary>
    /// Relative tit-for-tat (Faratin, Sierra &amp; Jennings 1998) in one's own utility, as docs/scenario-format.md
    /// states it: first its best (τ = 1); when the opponent's demand d = 1 − u(its offer), u being
    /// one's own utility, falls from d to d′, one's own demand above Pmin, τ − Pmin, falls by the
    /// same ratio d′/d; never below the reservation.
    /// </summary>
    private double TitForTatTarget(string party, Scale scale)
    {
        if (Order.Count != 2)
        {
            throw new NotSupportedException($"The reference replay has tit-for-tat at tables of two only ({Id}).");
        }

        var (target, last) = _titForTat.GetValueOrDefault(party, (1.0, null));
        if (Standing is { } standing && StandingBy != party)
        {
            var demand = 1 - scale.Utility[standing];
            if (last is { } d && demand < d)
            {
                target = scale.Reservation + (target - scale.Reservation) * (demand / d);
            }

            last = demand;
        }

        target = Math.Max(target, scale.Reservation);
        _titForTat[party] = (target, last);
        return target;
    }

    /// <summary>
    /// For each outcome, how well off the worst-off other party is, by the measure of docs/scenario-format.md: its share
    /// of possible gain over its reservation as its model sees it. With v its modelled value, no deal
    /// worth 0, û = (v − min)/(max − min) and r̂ = (0 − min)/(max − min) clipped to [0, 1]: the share
    /// is (û − r̂)/(1 − r̂), or 1 if it cannot gain (r̂ = 1, or it is indifferent to every outcome);
    /// below its reservation, û − r̂ − 1, under every outcome all can accept (whose shares are ≥ 0)
    /// and lower the further it falls short.
    /// </summary>
    private static double[] WorstOff(IReadOnlyList<double[]> others)
    {
        var worst = new double[others[0].Length];
        Array.Fill(worst, double.PositiveInfinity);
        foreach (var values in others)
        {
            var (min, max) = (values.Min(), values.Max());
            for (var o = 0; o < worst.Length; o++)
            {
                double share;
                if (!(max > min))
                {
                    share = 1;
                }
                else
                {
                    var u = (values[o] - min) / (max - min);
                    var r = Math.Clamp((0 - min) / (max - min), 0, 1);
                    share = u < r ? u - r - 1 : r == 1 ? 1 : (u - r) / (1 - r);
                }

                worst[o] = Math.Min(worst[o], share);
            }
        }

        return worst;
    }

    /// <summary>The index of an outcome in <see cref="Outcomes"/>: its levels read as digits, the first issue most significant.</summary>
    private int Index(int[] levels)
    {
        var index = 0;
        for (var i = 0; i < levels.Length; i++)
        {
            index = index * Spec.Issues[i].LevelCount + levels[i];
        }

        return index;
    }

    private static List<int[]> Enumerate(NegotiationSpec spec)
    {
        List<int[]> outcomes = [[]];
        foreach (var issue in spec.Issues)
        {
            outcomes = [.. outcomes.SelectMany(prefix => Enumerable.Range(0, issue.LevelCount).Select(level => (int[])[.. prefix, level]))];
        }

        return outcomes;
    }

    /// <summary>A party's utilities u = (V − Vmin)/(Vmax − Vmin) and reservation (DESIGN §4.2); all 0 for a party indifferent to every outcome.</summary>
    public sealed record Scale(double[] Utility, double Reservation, double Max)
    {
        public static Scale Of(double[] values, double? reservation)
        {
            var (min, max) = (values.Min(), values.Max());
            var utility = values.Select(v => max > min ? (v - min) / (max - min) : 0).ToArray();
            var derived = max > min ? Math.Clamp(-min / (max - min), 0, 1) : 0;
            return new Scale(utility, reservation ?? derived, utility.Max());
        }
    }
}
