namespace Simulation.Model.Negotiation;

/// <summary>
/// Issues whose values are not additive among themselves, valued jointly: typically all tariff lines
/// of one sector, where the market model couples them (DESIGN §4.2: "additive across sectors and
/// exact within one"). Its combinations are numbered mixed-radix over <see cref="Issues"/> in the
/// order given, the LAST issue varying fastest, so the value table of a group is indexed by
/// <see cref="Encode"/>.
/// </summary>
/// <param name="Key">A name for the group, e.g. the sector; unique within a space.</param>
/// <param name="Issues">Indices of the space's issues in this group, in radix order.</param>
/// <param name="LevelCounts">Number of levels of each of those issues.</param>
public sealed record IssueGroup(string Key, IReadOnlyList<int> Issues, IReadOnlyList<int> LevelCounts)
{
    // Get-only re-declarations: validated and copied once, and no `with` can break the invariants.
    public string Key { get; } = Key ?? throw new ArgumentNullException(nameof(Key));
    public IReadOnlyList<int> Issues { get; } = [.. Issues ?? throw new ArgumentNullException(nameof(Issues))];
    public IReadOnlyList<int> LevelCounts { get; } = [.. LevelCounts ?? throw new ArgumentNullException(nameof(LevelCounts))];

    /// <summary>Number of combinations of levels: the product of <see cref="LevelCounts"/>.</summary>
    public int Size { get; } = ValidatedSize(Key, Issues, LevelCounts);

    /// <summary>A group of one issue.</summary>
    public static IssueGroup Single(string key, int issue, int levelCount) => new(key, [issue], [levelCount]);

    /// <summary>Structural equality: same key, same issues and level counts in the same order.</summary>
    public bool Equals(IssueGroup? other) =>
        other is not null
        && Key == other.Key
        && Issues.SequenceEqual(other.Issues)
        && LevelCounts.SequenceEqual(other.LevelCounts);

    public override int GetHashCode()
    {
        // Deterministic on purpose (no HashCode, which is seeded per process).
        var hash = (int)Determinism.StableHash.Of(Key);
        foreach (var issue in Issues)
        {
            hash = unchecked(hash * 31 + issue);
        }

        return hash;
    }

    /// <summary>The level of each issue of the group in combination <paramref name="combination"/>.</summary>
    public int[] Decode(int combination)
    {
        if (combination < 0 || combination >= Size)
        {
            throw new ArgumentOutOfRangeException(nameof(combination), combination, $"Group {Key} has {Size} combinations.");
        }

        var levels = new int[LevelCounts.Count];
        for (var j = LevelCounts.Count - 1; j >= 0; j--)
        {
            levels[j] = combination % LevelCounts[j];
            combination /= LevelCounts[j];
        }

        return levels;
    }

    /// <summary>The combination index of the levels <paramref name="outcome"/> gives this group's issues.</summary>
    public int Encode(Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var combination = 0;
        for (var j = 0; j < Issues.Count; j++)
        {
            var issue = Issues[j];
            if (issue >= outcome.IssueCount)
            {
                throw new ArgumentException($"Outcome {outcome} has no issue {issue}.", nameof(outcome));
            }

            var level = outcome[issue];
            if (level >= LevelCounts[j])
            {
                throw new ArgumentException($"Outcome {outcome}: issue {issue} has {LevelCounts[j]} levels, not {level + 1}.", nameof(outcome));
            }

            combination = combination * LevelCounts[j] + level;
        }

        return combination;
    }

    private static int ValidatedSize(string key, IReadOnlyList<int> issues, IReadOnlyList<int> levelCounts)
    {
        if (issues.Count == 0)
        {
            throw new ArgumentException($"Group {key} has no issue.", nameof(issues));
        }

        if (issues.Count != levelCounts.Count)
        {
            throw new ArgumentException($"Group {key}: {issues.Count} issues but {levelCounts.Count} level counts.", nameof(levelCounts));
        }

        if (issues.Any(i => i < 0) || issues.Distinct().Count() != issues.Count)
        {
            throw new ArgumentException($"Group {key}: issue indices must be distinct and non-negative.", nameof(issues));
        }

        long size = 1;
        foreach (var count in levelCounts)
        {
            if (count < 1)
            {
                throw new ArgumentException($"Group {key}: every issue needs at least one level.", nameof(levelCounts));
            }

            size *= count;
            if (size > int.MaxValue)
            {
                throw new ArgumentException($"Group {key} has more than {int.MaxValue} combinations.", nameof(levelCounts));
            }
        }

        return (int)size;
    }
}
