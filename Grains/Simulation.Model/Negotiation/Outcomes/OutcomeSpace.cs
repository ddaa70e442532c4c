using System.Collections.Immutable;

namespace Simulation.Model.Negotiation;

/// <summary>
/// The issues on the table and their levels, partitioned into <see cref="IssueGroup"/>s within which
/// values are valued jointly (DESIGN §4.1–4.2). The space itself may be far too large to enumerate;
/// everything that can be computed per group is (DESIGN §4.5).
/// </summary>
public sealed class OutcomeSpace : IEquatable<OutcomeSpace>
{
    private readonly int[] _groupOfIssue;

    /// <param name="levelCounts">Number of levels of each issue (at least 1 each).</param>
    /// <param name="groups">Groups that partition the issues: each issue in exactly one group.</param>
    public OutcomeSpace(IReadOnlyList<int> levelCounts, IReadOnlyList<IssueGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(levelCounts);
        ArgumentNullException.ThrowIfNull(groups);
        LevelCounts = ImmutableArray.CreateRange(levelCounts);
        Groups = ImmutableArray.CreateRange(groups);

        for (var i = 0; i < LevelCounts.Count; i++)
        {
            if (LevelCounts[i] < 1)
            {
                throw new ArgumentException($"Issue {i} has no level.", nameof(levelCounts));
            }
        }

        _groupOfIssue = Enumerable.Repeat(-1, LevelCounts.Count).ToArray();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < Groups.Count; g++)
        {
            var group = Groups[g] ?? throw new ArgumentException($"Group {g} is null.", nameof(groups));
            if (!keys.Add(group.Key))
            {
                throw new ArgumentException($"Two groups are named {group.Key}.", nameof(groups));
            }

            for (var j = 0; j < group.Issues.Count; j++)
            {
                var issue = group.Issues[j];
                if (issue >= LevelCounts.Count)
                {
                    throw new ArgumentException($"Group {group.Key} names issue {issue}, but there are {LevelCounts.Count} issues.", nameof(groups));
                }

                if (_groupOfIssue[issue] >= 0)
                {
                    throw new ArgumentException($"Issue {issue} is in groups {Groups[_groupOfIssue[issue]].Key} and {group.Key}; groups must partition the issues.", nameof(groups));
                }

                if (group.LevelCounts[j] != LevelCounts[issue])
                {
                    throw new ArgumentException($"Group {group.Key} gives issue {issue} {group.LevelCounts[j]} levels, the space {LevelCounts[issue]}.", nameof(groups));
                }

                _groupOfIssue[issue] = g;
            }
        }

        var missing = Array.IndexOf(_groupOfIssue, -1);
        if (missing >= 0)
        {
            throw new ArgumentException($"Issue {missing} is in no group; groups must partition the issues.", nameof(groups));
        }

        StatusQuo = new Outcome(ImmutableArray.Create(new int[LevelCounts.Count]));
    }

    /// <summary>A fully separable space: one group per issue, named <c>issue{i}</c>.</summary>
    public static OutcomeSpace Separable(params int[] levelCounts) =>
        new(levelCounts, [.. levelCounts.Select((count, i) => IssueGroup.Single($"issue{i}", i, count))]);

    public int IssueCount => LevelCounts.Count;

    public IReadOnlyList<int> LevelCounts { get; }

    public IReadOnlyList<IssueGroup> Groups { get; }

    /// <summary>The status quo: the first level of every issue (DESIGN §4.1).</summary>
    public Outcome StatusQuo { get; }

    /// <summary>Number of outcomes, as a double because it overflows any integer in real scenarios.</summary>
    public double Cardinality
    {
        get
        {
            var cardinality = 1.0;
            foreach (var count in LevelCounts)
            {
                cardinality *= count;
            }

            return cardinality;
        }
    }

    /// <summary>Index in <see cref="Groups"/> of the group holding <paramref name="issue"/>.</summary>
    public int GroupOf(int issue) => _groupOfIssue[issue];

    /// <summary>Whether <paramref name="outcome"/> has one level per issue, each in range.</summary>
    public bool Contains(Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.IssueCount != IssueCount)
        {
            return false;
        }

        for (var i = 0; i < IssueCount; i++)
        {
            if (outcome[i] >= LevelCounts[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws unless <see cref="Contains"/>.</summary>
    public void EnsureContains(Outcome outcome)
    {
        if (!Contains(outcome))
        {
            throw new ArgumentException($"Outcome {outcome} is not in a space of {IssueCount} issues with levels [{string.Join(",", LevelCounts)}].", nameof(outcome));
        }
    }

    /// <summary>The outcome made of one combination per group (indices as in <see cref="IssueGroup.Encode"/>).</summary>
    public Outcome Compose(IReadOnlyList<int> combinations)
    {
        ArgumentNullException.ThrowIfNull(combinations);
        if (combinations.Count != Groups.Count)
        {
            throw new ArgumentException($"Expected {Groups.Count} combinations, got {combinations.Count}.", nameof(combinations));
        }

        var levels = new int[IssueCount];
        for (var g = 0; g < Groups.Count; g++)
        {
            var group = Groups[g];
            var groupLevels = group.Decode(combinations[g]);
            for (var j = 0; j < groupLevels.Length; j++)
            {
                levels[group.Issues[j]] = groupLevels[j];
            }
        }

        return new Outcome(ImmutableArray.Create(levels));
    }

    /// <summary>
    /// Every outcome, in lexicographic order (last issue fastest). For tests and tiny spaces only:
    /// production code works per group (DESIGN §4.1, §4.5).
    /// </summary>
    public IEnumerable<Outcome> EnumerateAll()
    {
        var levels = new int[IssueCount];
        while (true)
        {
            yield return new Outcome(ImmutableArray.Create(levels));
            var i = IssueCount - 1;
            while (i >= 0 && ++levels[i] == LevelCounts[i])
            {
                levels[i] = 0;
                i--;
            }

            if (i < 0)
            {
                yield break;
            }
        }
    }

    /// <summary>Structural equality: same level counts and the same groups in the same order.</summary>
    public bool Equals(OutcomeSpace? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (LevelCounts.SequenceEqual(other.LevelCounts) && Groups.SequenceEqual(other.Groups)));

    public override bool Equals(object? obj) => Equals(obj as OutcomeSpace);

    public override int GetHashCode()
    {
        var hash = Groups.Count;
        foreach (var count in LevelCounts)
        {
            hash = unchecked(hash * 31 + count);
        }

        return hash;
    }
}
