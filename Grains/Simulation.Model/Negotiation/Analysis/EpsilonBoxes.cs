namespace Simulation.Model.Negotiation;

/// <summary>
/// The ε-dominance boxes of Laumanns, Thiele, Deb &amp; Zitzler ("Combining convergence and
/// diversity in evolutionary multiobjective optimization", Evolutionary Computation 10(3), 2002), in
/// their additive form: a grid over value space with an origin o_k and a width δ_k per party, point
/// v lying in box b_k(v) = ⌊(v_k − o_k)/δ_k⌋ (every point in box 0 for a party with δ_k = 0).
/// <see cref="Prune"/> keeps one point per box, and only in boxes no other box dominates.
/// </summary>
/// <remarks>
/// What pruning guarantees: for every point p offered there is a kept q with b(q) ≥ b(p) for every
/// party (p's box, or a box dominating it), hence q_k &gt; p_k − δ_k. The kept points are
/// exactly non-dominated among those offered: a point dominating q lies in a box ≥ q's, which
/// would either dominate q's box or be q's box with a better representative. The kept boxes
/// are mutually non-dominated, so with two parties their first indices are distinct: at most
/// ⌊(top₀ − o₀)/δ₀⌋ + 1 points survive, whatever was offered.
/// A box's representative is its lexicographically greatest point (values descending, then
/// parent and choice ascending), so the result never depends on the order points are offered in.
/// </remarks>
internal sealed class EpsilonBoxes
{
    private readonly double[] _origin;
    private readonly double[] _inverseWidth;

    /// <param name="origin">Per party, a value no point is below (its box index 0 starts there).</param>
    /// <param name="top">Per party, a value no point is above.</param>
    /// <param name="width">Per party, the box width δ_k ≥ 0.</param>
    public EpsilonBoxes(double[] origin, double[] top, double[] width)
    {
        _origin = [.. origin];
        // Multiplying by 1/δ rather than dividing: the box of v moves by at most one ulp of v/δ,
        // which the fold's error budget leaves room for (see ParetoFrontier).
        _inverseWidth = [.. width.Select(w => w > 0 ? 1 / w : 0)];
        ColumnCount = checked(BoxOf(top[0], 0) + 1);
    }

    public int PartyCount => _origin.Length;

    /// <summary>Number of boxes along the first party's axis: the most points two-party pruning keeps.</summary>
    public int ColumnCount { get; }

    /// <summary>
    /// b_k(v). Values outside [origin, top] cannot occur: both ends are sums of per-group extremes
    /// taken in the same order as every point's sum, and rounding is monotone. Never negative.
    /// </summary>
    public int BoxOf(double value, int party) => Box((value - _origin[party]) * _inverseWidth[party]);

    public double Origin(int party) => _origin[party];

    /// <summary>1/δ_k, or 0 when δ_k = 0 (every point then in box 0).</summary>
    public double InverseWidth(int party) => _inverseWidth[party];

    /// <summary>⌊x⌋ for a scaled offset x = (v − o)/δ, clamped to [0, int.MaxValue]; truncation is the floor for x ≥ 0.</summary>
    public static int Box(double scaled) => scaled < 1 ? 0 : scaled >= int.MaxValue ? int.MaxValue : (int)scaled;

    /// <summary>One point per non-dominated box of <paramref name="points"/>, parents and choices kept.</summary>
    public FrontierLayer Prune(FrontierLayer points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.PartyCount == 2)
        {
            var columns = new BoxColumns(this);
            for (var i = 0; i < points.Count; i++)
            {
                columns.Offer(points.Value(i, 0), points.Value(i, 1), points.Parent(i), points.Choice(i));
            }

            return columns.Harvest();
        }

        return PruneSorted(points);
    }

    /// <summary>
    /// Any number of parties: sort by box (descending), keep the first point of each box, then keep
    /// the boxes no earlier kept box dominates (a dominating box is lexicographically greater).
    /// </summary>
    private FrontierLayer PruneSorted(FrontierLayer points)
    {
        var n = points.PartyCount;
        var boxes = new int[points.Count * n];
        var order = new int[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            order[i] = i;
            for (var k = 0; k < n; k++)
            {
                boxes[i * n + k] = BoxOf(points.Value(i, k), k);
            }
        }

        Array.Sort(order, (a, b) =>
        {
            for (var k = 0; k < n; k++)
            {
                var c = boxes[b * n + k].CompareTo(boxes[a * n + k]);
                if (c != 0)
                {
                    return c;
                }
            }

            return points.CompareDescending(a, b);
        });

        var kept = new FrontierLayer(n);
        var keptBoxes = new List<int>();
        for (var r = 0; r < order.Length; r++)
        {
            var p = order[r];
            if (r > 0 && SameBox(boxes, n, order[r - 1], p))
            {
                continue;
            }

            var dominated = false;
            foreach (var q in keptBoxes)
            {
                if (BoxAtLeast(boxes, n, q, p))
                {
                    dominated = true;
                    break;
                }
            }

            if (!dominated)
            {
                keptBoxes.Add(p);
                kept.AddFrom(points, p);
            }
        }

        return kept;
    }

    private static bool SameBox(int[] boxes, int n, int a, int b)
    {
        for (var k = 0; k < n; k++)
        {
            if (boxes[a * n + k] != boxes[b * n + k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether box q ≥ box p for every party (q ≠ p here, so q dominates p).</summary>
    private static bool BoxAtLeast(int[] boxes, int n, int q, int p)
    {
        for (var k = 0; k < n; k++)
        {
            if (boxes[q * n + k] < boxes[p * n + k])
            {
                return false;
            }
        }

        return true;
    }
}
