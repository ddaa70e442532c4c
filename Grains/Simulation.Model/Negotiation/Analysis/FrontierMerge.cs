namespace Simulation.Model.Negotiation;

/// <summary>
/// One step of the Pareto fold: the non-dominated sums f + h of a frontier-so-far F and a group's
/// frontier H. Each result point's parent is its index in F, its choice its index in H.
/// </summary>
internal static class FrontierMerge
{
    /// <summary>
    /// The exact non-dominated sums, exact ties all kept, in descending lexicographic order of
    /// values; or null, having stopped early, if F·H exceeds <paramref name="pairBudget"/> pairs or
    /// more than <paramref name="maxPoints"/> points would have to be held.
    /// </summary>
    public static FrontierLayer? Exact(FrontierLayer f, FrontierLayer h, int maxPoints, long pairBudget)
    {
        if ((long)f.Count * h.Count > pairBudget)
        {
            return null;
        }

        if (f.PartyCount == 2)
        {
            return Exact2D(f, h, maxPoints);
        }

        var exact = ParetoFilter.NonDominated(Pairs(f, h));
        return exact.Count > maxPoints ? null : exact;
    }

    /// <summary>
    /// One sum per non-dominated box of <paramref name="grid"/> (see <see cref="EpsilonBoxes"/>).
    /// Two parties: every pair is offered to <paramref name="columns"/> (restarted on the grid) and
    /// none is stored, so memory is that of the columns whatever F·H is.
    /// </summary>
    public static FrontierLayer Pruned(FrontierLayer f, FrontierLayer h, EpsilonBoxes grid, BoxColumns? columns = null)
    {
        if (f.PartyCount != 2)
        {
            return grid.Prune(Pairs(f, h));
        }

        if (columns is null)
        {
            columns = new BoxColumns(grid);
        }
        else
        {
            columns.Restart(grid);
        }

        columns.OfferSums(f, h);
        return columns.Harvest();
    }

    /// <summary>Every sum, in (i, j) order.</summary>
    private static FrontierLayer Pairs(FrontierLayer f, FrontierLayer h)
    {
        var n = f.PartyCount;
        var pairs = new FrontierLayer(n, checked(f.Count * h.Count));
        var values = new double[n];
        for (var i = 0; i < f.Count; i++)
        {
            for (var j = 0; j < h.Count; j++)
            {
                for (var k = 0; k < n; k++)
                {
                    values[k] = f.Value(i, k) + h.Value(j, k);
                }

                pairs.Add(values, i, j);
            }
        }

        return pairs;
    }

    /// <summary>
    /// Two parties, without storing the pairs: for each h the sums f + h come in descending order of
    /// the first value (F is sorted that way and rounding is monotone), so a k-way merge over H
    /// yields every sum in that order, and the maxima sweep of <see cref="ParetoFilter"/> runs on
    /// the stream. A run of equal first values is settled when it ends: its points with the run's
    /// best second value are kept iff that value beats everything above.
    /// </summary>
    private static FrontierLayer? Exact2D(FrontierLayer f, FrontierLayer h, int maxPoints)
    {
        var kept = new FrontierLayer(2);
        if (f.Count == 0 || h.Count == 0)
        {
            return kept;
        }

        var queue = new PriorityQueue<int, Head>(h.Count, HeadOrder.Instance);
        for (var j = 0; j < h.Count; j++)
        {
            queue.Enqueue(j, new Head(f.Value(0, 0) + h.Value(j, 0), 0, j));
        }

        var ties = new List<(int I, int J)>();
        var runV0 = 0.0;
        var runMax = double.NegativeInfinity;
        var bestAbove = double.NegativeInfinity;
        while (queue.TryDequeue(out _, out var head))
        {
            if (ties.Count > 0 && head.V0 != runV0)
            {
                Settle();
            }

            runV0 = head.V0;
            var v1 = f.Value(head.I, 1) + h.Value(head.J, 1);
            if (v1 > runMax)
            {
                runMax = v1;
                ties.Clear();
            }

            if (v1 == runMax)
            {
                ties.Add((head.I, head.J));
                if (kept.Count + ties.Count > maxPoints)
                {
                    return null;
                }
            }

            if (head.I + 1 < f.Count)
            {
                queue.Enqueue(head.J, new Head(f.Value(head.I + 1, 0) + h.Value(head.J, 0), head.I + 1, head.J));
            }
        }

        Settle();
        return kept;

        void Settle()
        {
            if (runMax > bestAbove)
            {
                ties.Sort();
                foreach (var (i, j) in ties)
                {
                    kept.Add(runV0, runMax, i, j);
                }

                bestAbove = runMax;
            }

            ties.Clear();
            runMax = double.NegativeInfinity;
        }
    }

    /// <summary>The next sum of list j: f_i + h_j, its first value.</summary>
    private readonly record struct Head(double V0, int I, int J);

    /// <summary>First value descending, then (i, j) ascending: equal first values come out together.</summary>
    private sealed class HeadOrder : IComparer<Head>
    {
        public static HeadOrder Instance { get; } = new();

        public int Compare(Head a, Head b)
        {
            var c = b.V0.CompareTo(a.V0);
            if (c != 0)
            {
                return c;
            }

            c = a.I.CompareTo(b.I);
            return c != 0 ? c : a.J.CompareTo(b.J);
        }
    }
}
