namespace Simulation.Model.Negotiation;

/// <summary>
/// Keeps the points no other point strictly dominates (q dominates p when q ≥ p for every party and
/// q &gt; p for one). Points with exactly equal vectors do not dominate each other, so ties are all
/// kept. The result is in a deterministic order: vectors lexicographically descending, then by key.
/// </summary>
internal static class ParetoFilter
{
    /// <summary>A candidate: what it is (<paramref name="Key"/>, used to order exact ties) and its value vector.</summary>
    internal sealed record Candidate(int[] Key, double[] Values);

    public static List<Candidate> NonDominated(IReadOnlyList<Candidate> candidates)
    {
        if (candidates.Count == 0)
        {
            return [];
        }

        var sorted = candidates.ToArray();
        // Any point that dominates p is lexicographically greater than p, so after this sort every
        // dominator of p comes before p: one pass against the points kept so far suffices.
        Array.Sort(sorted, CompareDescending);
        return sorted[0].Values.Length == 2 ? Sweep2D(sorted) : Scan(sorted);
    }

    /// <summary>
    /// Two parties: sorted by (v0 desc, v1 desc), a point survives iff its v1 is the best among its
    /// equal-v0 run and strictly above every v1 seen at a strictly higher v0 (Kung, Luccio &amp;
    /// Preparata 1975's maxima sweep, with exact ties kept).
    /// </summary>
    private static List<Candidate> Sweep2D(Candidate[] sorted)
    {
        var kept = new List<Candidate>();
        var bestAbove = double.NegativeInfinity;
        var i = 0;
        while (i < sorted.Length)
        {
            var v0 = sorted[i].Values[0];
            var runMax = sorted[i].Values[1];
            var j = i;
            while (j < sorted.Length && sorted[j].Values[0] == v0)
            {
                if (sorted[j].Values[1] == runMax && runMax > bestAbove)
                {
                    kept.Add(sorted[j]);
                }

                j++;
            }

            bestAbove = Math.Max(bestAbove, runMax);
            i = j;
        }

        return kept;
    }

    /// <summary>Any number of parties: compare each point with the points kept so far.</summary>
    private static List<Candidate> Scan(Candidate[] sorted)
    {
        var kept = new List<Candidate>();
        foreach (var candidate in sorted)
        {
            var dominated = false;
            foreach (var other in kept)
            {
                if (Dominates(other.Values, candidate.Values))
                {
                    dominated = true;
                    break;
                }
            }

            if (!dominated)
            {
                kept.Add(candidate);
            }
        }

        return kept;
    }

    /// <summary>Whether <paramref name="q"/> strictly Pareto-dominates <paramref name="p"/>.</summary>
    public static bool Dominates(double[] q, double[] p)
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

    private static int CompareDescending(Candidate a, Candidate b)
    {
        for (var k = 0; k < a.Values.Length; k++)
        {
            var c = b.Values[k].CompareTo(a.Values[k]);
            if (c != 0)
            {
                return c;
            }
        }

        // Exact ties: ascending key, so the order never depends on the input order.
        for (var k = 0; k < Math.Min(a.Key.Length, b.Key.Length); k++)
        {
            var c = a.Key[k].CompareTo(b.Key[k]);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Key.Length.CompareTo(b.Key.Length);
    }
}
