namespace Simulation.Model.Negotiation;

/// <summary>
/// The Pareto-optimal outcomes of a space for some parties' additive value functions: every outcome
/// no other outcome strictly dominates (weakly non-dominated; outcomes with exactly equal value
/// vectors are all kept).
/// </summary>
/// <remarks>
/// Built without enumerating the space (DESIGN §4.5). If ω is Pareto-optimal for the sum over
/// groups, then its part over any prefix of the groups is Pareto-optimal among the partial sums
/// over that prefix: otherwise swapping in the dominating part would dominate ω. So the frontier
/// is found by folding the groups in, one at a time: take each group's own Pareto set, add every
/// pair (frontier-so-far point, group point) and filter again. The work is bounded by the sizes of
/// the intermediate frontiers, not by the space.
/// Sums run over the groups in order from 0.0, exactly as <see cref="AdditiveValueFunction.Value"/>
/// does, so the vectors here equal the parties' values bit for bit. (In exact arithmetic the fold
/// is exact; in floating point, a strict dominance of two partial sums that rounding later erases
/// could drop an outcome tied to within one ulp. Values in money units never come that close.)
/// </remarks>
public sealed class ParetoFrontier
{
    private ParetoFrontier(OutcomeSpace space, int partyCount, IReadOnlyList<ParetoPoint> points)
    {
        Space = space;
        PartyCount = partyCount;
        Points = points;
    }

    public OutcomeSpace Space { get; }

    public int PartyCount { get; }

    /// <summary>
    /// The frontier, in a deterministic order: value vectors lexicographically descending (first
    /// party's value first), exact ties by outcome ascending.
    /// </summary>
    public IReadOnlyList<ParetoPoint> Points { get; }

    public int Count => Points.Count;

    /// <summary>The frontier of <paramref name="space"/> for the value functions of <paramref name="parties"/>.</summary>
    public static ParetoFrontier Build(OutcomeSpace space, IReadOnlyList<AdditiveValueFunction> parties)
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

        var n = parties.Count;
        // The empty prefix: no group chosen, every party at 0.0.
        List<ParetoFilter.Candidate> frontier = [new([], new double[n])];
        for (var g = 0; g < space.Groups.Count; g++)
        {
            var groupFrontier = GroupFrontier(space.Groups[g], g, parties);
            var merged = new List<ParetoFilter.Candidate>(frontier.Count * groupFrontier.Count);
            foreach (var partial in frontier)
            {
                foreach (var choice in groupFrontier)
                {
                    var key = new int[partial.Key.Length + 1];
                    partial.Key.CopyTo(key, 0);
                    key[^1] = choice.Key[0];
                    var values = new double[n];
                    for (var p = 0; p < n; p++)
                    {
                        values[p] = partial.Values[p] + choice.Values[p];
                    }

                    merged.Add(new(key, values));
                }
            }

            frontier = ParetoFilter.NonDominated(merged);
        }

        var points = frontier
            .Select(c => new ParetoPoint(space.Compose(c.Key), Array.AsReadOnly(c.Values)))
            .ToList();
        // Final order by values, then outcome (the filter ordered ties by combination indices,
        // which is not the same as outcome order when groups interleave issues).
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
        return new ParetoFrontier(space, n, points.AsReadOnly());
    }

    /// <summary>The non-dominated combinations of one group, each keyed by its combination index.</summary>
    private static List<ParetoFilter.Candidate> GroupFrontier(IssueGroup group, int g, IReadOnlyList<AdditiveValueFunction> parties)
    {
        var candidates = new ParetoFilter.Candidate[group.Size];
        for (var c = 0; c < group.Size; c++)
        {
            var values = new double[parties.Count];
            for (var p = 0; p < parties.Count; p++)
            {
                values[p] = parties[p].GroupValue(g, c);
            }

            candidates[c] = new([c], values);
        }

        return ParetoFilter.NonDominated(candidates);
    }
}
