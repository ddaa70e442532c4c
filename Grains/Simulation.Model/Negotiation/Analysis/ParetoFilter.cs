namespace Simulation.Model.Negotiation;

/// <summary>
/// Keeps the points no other point strictly dominates (q dominates p when q ≥ p for every party and
/// q &gt; p for one). Points with exactly equal vectors do not dominate each other, so ties are all
/// kept. The result is in a deterministic order: vectors lexicographically descending, then by
/// origin (parent, then choice) ascending.
/// </summary>
internal static class ParetoFilter
{
    public static FrontierLayer NonDominated(FrontierLayer points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var order = new int[points.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Any point that dominates p is lexicographically greater than p, so after this sort every
        // dominator of p comes before p: one pass against the points kept so far suffices.
        Array.Sort(order, points.CompareDescending);
        var kept = new FrontierLayer(points.PartyCount);
        if (points.PartyCount == 2)
        {
            Sweep2D(points, order, kept);
        }
        else
        {
            Scan(points, order, kept);
        }

        return kept;
    }

    /// <summary>
    /// Two parties: sorted by (v0 desc, v1 desc), a point survives iff its v1 is the best among its
    /// equal-v0 run and strictly above every v1 seen at a strictly higher v0 (Kung, Luccio &amp;
    /// Preparata 1975's maxima sweep, with exact ties kept).
    /// </summary>
    private static void Sweep2D(FrontierLayer points, int[] order, FrontierLayer kept)
    {
        var bestAbove = double.NegativeInfinity;
        var i = 0;
        while (i < order.Length)
        {
            var v0 = points.Value(order[i], 0);
            var runMax = points.Value(order[i], 1);
            var j = i;
            while (j < order.Length && points.Value(order[j], 0) == v0)
            {
                if (points.Value(order[j], 1) == runMax && runMax > bestAbove)
                {
                    kept.AddFrom(points, order[j]);
                }

                j++;
            }

            bestAbove = Math.Max(bestAbove, runMax);
            i = j;
        }
    }

    /// <summary>Any number of parties: compare each point with the points kept so far.</summary>
    private static void Scan(FrontierLayer points, int[] order, FrontierLayer kept)
    {
        foreach (var candidate in order)
        {
            var dominated = false;
            for (var other = 0; other < kept.Count && !dominated; other++)
            {
                dominated = Dominates(kept.Values(other), points.Values(candidate));
            }

            if (!dominated)
            {
                kept.AddFrom(points, candidate);
            }
        }
    }

    /// <summary>Whether <paramref name="q"/> strictly Pareto-dominates <paramref name="p"/>.</summary>
    public static bool Dominates(ReadOnlySpan<double> q, ReadOnlySpan<double> p)
    {
        var strictly = false;
        for (var k = 0; k < p.Length; k++)
        {
            if (q[k] < p[k])
            {
                return false;
            }

            strictly |= q[k] > p[k];
        }

        return strictly;
    }
}
