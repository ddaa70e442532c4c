namespace Simulation.Model.Negotiation;

/// <summary>
/// The Pareto-optimal outcomes of a space for some parties' additive value functions: exactly when
/// the frontier is small (every outcome no other outcome strictly dominates, outcomes with equal
/// value vectors all kept), and otherwise an ε-Pareto frontier of bounded size (<see cref="Epsilon"/>).
/// </summary>
/// <remarks>
/// <para>
/// Built without enumerating the space (DESIGN §4.5). If ω is Pareto-optimal for the sum over
/// groups, then its part over any prefix of the groups is Pareto-optimal among the partial sums
/// over that prefix: otherwise swapping in the dominating part would dominate ω. So the frontier
/// is found by folding the groups in, one at a time: take each group's own Pareto set, add every
/// pair (frontier-so-far point, group point) and filter again.
/// Sums run over the groups in order from 0.0, exactly as <see cref="AdditiveValueFunction.Value"/>
/// does, so the vectors here equal the parties' values bit for bit. (In exact arithmetic the fold
/// is exact; in floating point, a strict dominance of two partial sums that rounding later erases
/// could drop an outcome tied to within one ulp. Values in money units never come that close.)
/// </para>
/// <para>
/// Bounded size. The exact frontier of a sum of groups can grow with the product of their sizes:
/// 50 tariff lines of 20 levels, each its own sector, have 20⁵⁰ outcomes, and their exact frontier
/// roughly doubles with every few lines. So the fold stays exact only while every frontier it
/// holds has at most <see cref="MaxExactPoints"/> points and every merge at most
/// <see cref="ExactMergeBudget"/> pairs. From the first time one would not, it keeps one point per
/// ε-box (<see cref="EpsilonBoxes"/>; Laumanns, Thiele, Deb &amp; Zitzler 2002), with
/// ε = <see cref="Resolution"/>, R_k = Max_k − Min_k party k's range over the space, R_gk its range
/// within group g and G the number of groups: each group's own frontier on boxes of width
/// ε·R_gk/4, and the result of each merge on boxes of width ε·R_k/(4G + 2). At the end, if more
/// than <see cref="MaxExactPoints"/> points remain, a last pruning on boxes of width ε·R_k/2 thins them.
/// </para>
/// <para>
/// Guarantee: for every Pareto-optimal outcome ω some kept point q has V_k(q) ≥ V_k(ω) − ε·R_k for
/// every party k. By induction over the groups, every partial sum over the first g groups has a
/// kept point within the errors accumulated so far: adding the next group's value to both keeps
/// the gap, and each pruning loses less than one box width. The group prunings lose less than
/// Σ_g ε·R_gk/4 = ε·R_k/4, the G merge prunings less than ε·R_k·G/(4G + 2), the last one less
/// than ε·R_k/2: in all less than ε·R_k − ε·R_k/(8G + 4), the remainder absorbing the rounding
/// of sums and box indices. Every kept point is a real outcome with its exact values, and no
/// kept point dominates another.
/// </para>
/// <para>
/// Memory and work, for two parties (every negotiation: own value and opponent model). A pruned
/// group frontier holds at most 4/ε + 1 = 4,001 points and a pruned merge at most one point per
/// box of the first party, B = (4G + 2)/ε + 1 points: 202,001 for G = 50, 402,001 for
/// G = <see cref="MaxGroups"/> = 100; the final frontier at most <see cref="MaxExactPoints"/>
/// (≥ 2/ε + 1). To rebuild outcomes the fold keeps two ints per point per group, at most
/// 8·G·B bytes (81 MB for G = 50, 322 MB for G = 100), besides the current layer's values and
/// box columns (under 50 bytes a point) and one group's candidates (24 bytes a combination).
/// The pairs examined are bounded by <see cref="WorstCaseMergePairs"/>.
/// With n parties a pruned frontier holds at most B^(n−1) points.
/// </para>
/// </remarks>
public sealed class ParetoFrontier
{
    /// <summary>ε: a pruned frontier is within this share of each party's range of the exact one.</summary>
    public const double Resolution = 1e-3;

    /// <summary>Largest frontier kept exact, during the fold and at the end.</summary>
    public const int MaxExactPoints = 4_000;

    /// <summary>
    /// Most groups (sectors) a space may have: the fold's box width shrinks, and its memory grows,
    /// with the number of groups (see the remarks).
    /// </summary>
    public const int MaxGroups = 100;

    /// <summary>Most (frontier point, group point) pairs an exact merge examines before it gives way to pruning.</summary>
    public const long ExactMergeBudget = 1L << 20;

    /// <summary>
    /// An upper bound on the (frontier point, group point) pairs the fold examines, for two parties
    /// and groups of the given sizes S_g (numbers of combinations), known before any value is:
    /// Σ_g min(B, S_0·…·S_(g−1)) · min(S_g, 4/ε + 2), with B = (4G + 2)/ε + 2 (one more point than
    /// the remarks' bounds, for rounding). A frontier before group g holds at most B points and at
    /// most one per outcome of the groups before it; a group's frontier at most 4/ε + 2, or all of
    /// its combinations. It is the work a build may take, and what the scenario loader limits.
    /// </summary>
    public static double WorstCaseMergePairs(IReadOnlyList<double> groupSizes)
    {
        ArgumentNullException.ThrowIfNull(groupSizes);
        var frontierBound = (4.0 * groupSizes.Count + 2) / Resolution + 2;
        var groupBound = 4 / Resolution + 2;
        var prefixOutcomes = 1.0;
        var pairs = 0.0;
        foreach (var size in groupSizes)
        {
            pairs += Math.Min(frontierBound, prefixOutcomes) * Math.Min(size, groupBound);
            prefixOutcomes = Math.Min(prefixOutcomes * size, frontierBound);
        }

        return pairs;
    }

    private ParetoFrontier(OutcomeSpace space, int partyCount, IReadOnlyList<ParetoPoint> points, double epsilon)
    {
        Space = space;
        PartyCount = partyCount;
        Points = points;
        Epsilon = epsilon;
    }

    public OutcomeSpace Space { get; }

    public int PartyCount { get; }

    /// <summary>
    /// The frontier, in a deterministic order: value vectors lexicographically descending (first
    /// party's value first), exact ties by outcome ascending.
    /// </summary>
    public IReadOnlyList<ParetoPoint> Points { get; }

    public int Count => Points.Count;

    /// <summary>
    /// 0 when <see cref="Points"/> is the exact frontier; otherwise the ε it is within: every
    /// Pareto-optimal outcome ω has a point q here with V_k(q) ≥ V_k(ω) − ε·(Max_k − Min_k) for every party k.
    /// </summary>
    public double Epsilon { get; }

    public bool IsExact => Epsilon == 0;

    /// <summary>
    /// The frontier of <paramref name="space"/> for the value functions of <paramref name="parties"/>;
    /// one built before from the same tables is given again (<see cref="FrontierMemo"/>).
    /// </summary>
    public static ParetoFrontier Build(OutcomeSpace space, IReadOnlyList<AdditiveValueFunction> parties)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(parties);
        return parties.Any(p => p is null || !p.Space.Equals(space))
            ? Build(space, parties, Resolution, MaxExactPoints, ExactMergeBudget)
            : FrontierMemo.GetOrBuild(space, parties, () => Build(space, parties, Resolution, MaxExactPoints, ExactMergeBudget));
    }

    /// <summary>The fold with another resolution and exactness thresholds (for tests on spaces small enough to enumerate).</summary>
    internal static ParetoFrontier Build(
        OutcomeSpace space, IReadOnlyList<AdditiveValueFunction> parties, double resolution, int maxExactPoints, long exactMergeBudget)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(parties);
        if (parties.Count == 0)
        {
            throw new ArgumentException("A Pareto frontier needs at least one party.", nameof(parties));
        }

        foreach (var party in parties)
        {
            if (party is null || !party.Space.Equals(space))
            {
                throw new ArgumentException("Every value function must be over the given space.", nameof(parties));
            }
        }

        if (space.Groups.Count > MaxGroups)
        {
            throw new ArgumentException(
                $"The space has {space.Groups.Count} groups; a Pareto frontier is built for at most {MaxGroups}.", nameof(space));
        }

        if (!(resolution is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "The resolution ε lies in (0, 1].");
        }

        if ((4.0 * space.Groups.Count + 2) / resolution > 1 << 26)
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "The resolution is too fine for this many groups.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxExactPoints, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(exactMergeBudget, 1);
        return new Fold(space, parties, resolution, maxExactPoints, exactMergeBudget).Run();
    }

    /// <summary>One build: the fold's state, group by group.</summary>
    private sealed class Fold
    {
        private readonly OutcomeSpace _space;
        private readonly IReadOnlyList<AdditiveValueFunction> _parties;
        private readonly double _resolution;
        private readonly int _maxExactPoints;
        private readonly long _exactMergeBudget;
        private readonly int _n;
        private readonly double[] _foldWidth;
        private readonly int[][] _parents;
        private readonly int[][] _choices;
        private BoxColumns? _columns;
        private bool _pruned;

        public Fold(OutcomeSpace space, IReadOnlyList<AdditiveValueFunction> parties, double resolution, int maxExactPoints, long exactMergeBudget)
        {
            _exactMergeBudget = exactMergeBudget;
            _space = space;
            _parties = parties;
            _resolution = resolution;
            _maxExactPoints = maxExactPoints;
            _n = parties.Count;
            var groups = space.Groups.Count;
            _foldWidth = [.. parties.Select(p => resolution * (p.Max - p.Min) / (4.0 * groups + 2))];
            _parents = new int[groups][];
            _choices = new int[groups][];
        }

        public ParetoFrontier Run()
        {
            // The empty prefix: no group chosen, every party at 0.0.
            var layer = new FrontierLayer(_n, 1);
            layer.Add(new double[_n], -1, -1);
            var prefixMin = new double[_n];
            var prefixMax = new double[_n];
            for (var g = 0; g < _space.Groups.Count; g++)
            {
                var (groupMin, groupMax) = GroupExtremes(g);
                var group = ParetoFilter.NonDominated(GroupCandidates(g));
                if (_pruned || group.Count > _maxExactPoints)
                {
                    group = PruneGroup(group, groupMin, groupMax);
                }

                for (var k = 0; k < _n; k++)
                {
                    prefixMin[k] += groupMin[k];
                    prefixMax[k] += groupMax[k];
                }

                var next = _pruned ? null : FrontierMerge.Exact(layer, group, _maxExactPoints, _exactMergeBudget);
                if (next is null)
                {
                    if (!_pruned)
                    {
                        group = PruneGroup(group, groupMin, groupMax);
                    }

                    var grid = new EpsilonBoxes(prefixMin, prefixMax, _foldWidth);
                    _columns ??= _n == 2 ? new BoxColumns(grid) : null;
                    next = FrontierMerge.Pruned(layer, group, grid, _columns);
                }

                _parents[g] = next.Parents();
                _choices[g] = [.. next.Choices().Select(group.Choice)];
                layer = next;
            }

            var selected = Enumerable.Range(0, layer.Count).ToArray();
            if (_pruned && layer.Count > _maxExactPoints)
            {
                selected = FinalThinning(layer);
            }

            return new ParetoFrontier(_space, _n, Points(layer, selected).AsReadOnly(), _pruned ? _resolution : 0);
        }

        /// <summary>One point per box of width ε/4 of the group's own range, per party: at most 4/ε + 1 points.</summary>
        private FrontierLayer PruneGroup(FrontierLayer group, double[] groupMin, double[] groupMax)
        {
            _pruned = true;
            var width = new double[_n];
            for (var k = 0; k < _n; k++)
            {
                width[k] = _resolution / 4 * (groupMax[k] - groupMin[k]);
            }

            return new EpsilonBoxes(groupMin, groupMax, width).Prune(group);
        }

        /// <summary>Every combination of group <paramref name="g"/> with its values, keyed by its index.</summary>
        private FrontierLayer GroupCandidates(int g)
        {
            var size = _space.Groups[g].Size;
            var candidates = new FrontierLayer(_n, size);
            var values = new double[_n];
            for (var c = 0; c < size; c++)
            {
                for (var k = 0; k < _n; k++)
                {
                    values[k] = _parties[k].GroupValue(g, c);
                }

                candidates.Add(values, 0, c);
            }

            return candidates;
        }

        private (double[] Min, double[] Max) GroupExtremes(int g)
        {
            var min = new double[_n];
            var max = new double[_n];
            for (var k = 0; k < _n; k++)
            {
                var table = _parties[k].GroupValues[g];
                min[k] = table.Min();
                max[k] = table.Max();
            }

            return (min, max);
        }

        /// <summary>Indices into <paramref name="layer"/> of one point per box of width ε·R_k/2.</summary>
        private int[] FinalThinning(FrontierLayer layer)
        {
            var indexed = new FrontierLayer(_n, layer.Count);
            for (var i = 0; i < layer.Count; i++)
            {
                indexed.Add(layer.Values(i), i, 0);
            }

            var grid = new EpsilonBoxes(
                [.. _parties.Select(p => p.Min)],
                [.. _parties.Select(p => p.Max)],
                [.. _parties.Select(p => _resolution * (p.Max - p.Min) / 2)]);
            var thinned = grid.Prune(indexed);
            return [.. Enumerable.Range(0, thinned.Count).Select(thinned.Parent)];
        }

        /// <summary>The outcomes of the selected points, following parents back through the groups.</summary>
        private List<ParetoPoint> Points(FrontierLayer layer, int[] selected)
        {
            var groups = _space.Groups.Count;
            var combinations = new int[groups];
            var points = new List<ParetoPoint>(selected.Length);
            foreach (var index in selected)
            {
                var point = index;
                for (var g = groups - 1; g >= 0; g--)
                {
                    combinations[g] = _choices[g][point];
                    point = _parents[g][point];
                }

                points.Add(new ParetoPoint(_space.Compose(combinations), Array.AsReadOnly(layer.Values(index).ToArray())));
            }

            // Final order by values, then outcome (the fold ordered ties by where they came from,
            // which is not outcome order when groups interleave issues).
            points.Sort(static (a, b) =>
            {
                for (var k = 0; k < a.Values.Count; k++)
                {
                    var c = b.Values[k].CompareTo(a.Values[k]);
                    if (c != 0)
                    {
                        return c;
                    }
                }

                return a.Outcome.CompareTo(b.Outcome);
            });
            return points;
        }
    }
}
