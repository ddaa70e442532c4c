using CsCheck;
using Simulation.Model.Negotiation;

namespace Simulation.Model.Tests.Negotiation;

public sealed class ParetoFrontierTests
{
    [Fact]
    public void The_frontier_of_the_hand_made_space_is_as_computed_by_hand()
    {
        // HandMadeDomain lists all 9 outcomes with (V_A, V_B). (1,1) (3,3) and (0,0) (0,0) are
        // dominated by (2,2) (4,4); (1,0) (4,−1) by (2,1) (6,1); (0,1) (−1,4) by (1,2) (1,6).
        var frontier = ParetoFrontier.Build(HandMadeDomain.Space, [HandMadeDomain.A, HandMadeDomain.B]);
        frontier.Points.Select(p => (p.Outcome.ToString(), p.Values[0], p.Values[1])).Should().Equal(
            ("[2,0]", 7.0, -3.0),
            ("[2,1]", 6.0, 1.0),
            ("[2,2]", 4.0, 4.0),
            ("[1,2]", 1.0, 6.0),
            ("[0,2]", -3.0, 7.0));
    }

    [Fact]
    public void Exact_ties_are_all_kept()
    {
        // Levels 1 and 2 are worth (5, 2) to both parties: neither dominates the other.
        var space = OutcomeSpace.Separable(3);
        var frontier = ParetoFrontier.Build(space, [new(space, [[0, 5, 5]]), new(space, [[0, 2, 2]])]);
        frontier.Points.Select(p => p.Outcome.ToString()).Should().Equal("[1]", "[2]");
    }

    [Fact]
    public void A_group_with_coupled_issues_is_valued_jointly()
    {
        // Issues 0 and 1 in one group (combination = 2·level0 + level1), issue 2 alone. Party A
        // values the combinations [0, 3, 3, 1] (non-additive: both cuts together are worth less than
        // each alone), B [0, 1, 1, 4]. Group frontier: combinations 1 and 2 (3, 1), 3 (1, 4).
        // Issue 2: A [0, −1], B [0, 2]: both levels are on their own frontier.
        // Sums: (3,1) (2,3) (3,1) (2,3) (1,4) (0,6); none dominates another.
        var space = new OutcomeSpace([2, 2, 2], [new IssueGroup("g", [0, 1], [2, 2]), IssueGroup.Single("h", 2, 2)]);
        var a = new AdditiveValueFunction(space, [[0, 3, 3, 1], [0, -1]]);
        var b = new AdditiveValueFunction(space, [[0, 1, 1, 4], [0, 2]]);
        var frontier = ParetoFrontier.Build(space, [a, b]);
        frontier.Points.Select(p => p.Outcome.ToString()).Should().Equal(
            "[0,1,0]", "[1,0,0]", "[0,1,1]", "[1,0,1]", "[1,1,0]", "[1,1,1]");
    }

    [Fact]
    public void The_group_merge_equals_the_brute_force_frontier_on_random_small_spaces()
    {
        SmallDomains.SampleCases(domain =>
        {
            var built = ParetoFrontier.Build(domain.Space, domain.Parties);
            var expected = BruteForce(domain);
            built.Points.Select(p => p.Outcome).Should().BeEquivalentTo(expected);
            foreach (var point in built.Points)
            {
                point.Values.Should().Equal(domain.Parties.Select(v => v.Value(point.Outcome)));
            }
        }, seed: "e5qtrAb9KZEX9", cases: 400);
    }

    [Fact]
    public void The_two_party_sweep_agrees_with_the_general_scan()
    {
        var points = Gen.Int[-3, 3].Array[2].Array[0, 30];
        points.SampleCases(vectors =>
        {
            var candidates = new FrontierLayer(2);
            for (var i = 0; i < vectors.Length; i++)
            {
                candidates.Add(vectors[i][0], vectors[i][1], 0, i);
            }

            var kept = ParetoFilter.NonDominated(candidates);
            var swept = Enumerable.Range(0, kept.Count).Select(kept.Choice);
            var naive = Enumerable.Range(0, vectors.Length).Where(i => !vectors.Any(q => StrictlyDominates(q, vectors[i])));
            swept.Should().BeEquivalentTo(naive);
        }, seed: "aYVxAoAm8jRAc", cases: 400);
    }

    [Fact]
    public void Value_functions_must_share_the_space()
    {
        var space = OutcomeSpace.Separable(2);
        var other = OutcomeSpace.Separable(3);
        FluentActions.Invoking(() => ParetoFrontier.Build(space, [new(space, [[0, 1]]), new(other, [[0, 1, 2]])]))
            .Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => ParetoFrontier.Build(space, [])).Should().Throw<ArgumentException>();
    }

    /// <summary>A random small space (≤ 4 issues of ≤ 3 levels, grouped at random) and 2 or 3 parties
    /// with small integer values, so exact ties are frequent and sums are exact.</summary>
    internal sealed record SmallDomain(OutcomeSpace Space, AdditiveValueFunction[] Parties)
    {
        public override string ToString() =>
            $"levels [{string.Join(",", Space.LevelCounts)}], groups {string.Join(" ", Space.Groups.Select(g => $"{g.Key}:[{string.Join(",", g.Issues)}]"))}, " +
            $"values {string.Join(" | ", Parties.Select(p => string.Join(" ; ", p.GroupValues.Select(v => string.Join(",", v)))))}";
    }

    internal static readonly Gen<SmallDomain> SmallDomains =
        from issueCount in Gen.Int[1, 4]
        from levelCounts in Gen.Int[1, 3].Array[issueCount]
        from labels in Gen.Int[0, issueCount - 1].Array[issueCount]
        from partyCount in Gen.Int[2, 3]
        from pool in Gen.Int[-4, 4].Array[partyCount * 81]
        select MakeDomain(levelCounts, labels, partyCount, pool);

    private static SmallDomain MakeDomain(int[] levelCounts, int[] labels, int partyCount, int[] pool) =>
        MakeDomain(levelCounts, labels, partyCount, [.. pool.Select(v => (double)v)]);

    internal static SmallDomain MakeDomain(int[] levelCounts, int[] labels, int partyCount, double[] pool)
    {
        // Issues with the same label form a group; odd labels list their issues backwards, so
        // groups whose radix order differs from issue order are exercised too.
        var groups = labels.Distinct().Order().Select(label =>
        {
            var issues = Enumerable.Range(0, labels.Length).Where(i => labels[i] == label);
            var ordered = (label % 2 == 1 ? issues.Reverse() : issues).ToArray();
            return new IssueGroup($"g{label}", ordered, [.. ordered.Select(i => levelCounts[i])]);
        }).ToArray();
        var space = new OutcomeSpace(levelCounts, groups);
        var next = 0;
        var parties = Enumerable.Range(0, partyCount).Select(_ =>
            new AdditiveValueFunction(space, [.. groups.Select(g => Enumerable.Range(0, g.Size).Select(_ => pool[next++]).ToArray())])).ToArray();
        return new SmallDomain(space, parties);
    }

    /// <summary>Every outcome that no other outcome strictly dominates, by enumeration.</summary>
    private static List<Outcome> BruteForce(SmallDomain domain)
    {
        var all = domain.Space.EnumerateAll()
            .Select(o => (Outcome: o, Values: domain.Parties.Select(p => p.Value(o)).ToArray()))
            .ToList();
        return all.Where(p => !all.Any(q => StrictlyDominates(q.Values, p.Values))).Select(p => p.Outcome).ToList();
    }

    private static bool StrictlyDominates(IReadOnlyList<double> q, IReadOnlyList<double> p) =>
        q.Zip(p).All(x => x.First >= x.Second) && q.Zip(p).Any(x => x.First > x.Second);

    private static bool StrictlyDominates(int[] q, int[] p) =>
        StrictlyDominates(q.Select(x => (double)x).ToArray(), p.Select(x => (double)x).ToArray());
}
