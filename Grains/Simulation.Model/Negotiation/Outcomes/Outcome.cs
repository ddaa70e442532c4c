using System.Collections.Immutable;
using System.Globalization;

namespace Simulation.Model.Negotiation;

/// <summary>
/// One possible deal: a level index per issue (DESIGN §4.1), 0 being the status quo. Immutable, with
/// value equality, so it can key dictionaries and travel in messages.
/// </summary>
public sealed class Outcome : IEquatable<Outcome>, IComparable<Outcome>
{
    public Outcome(ImmutableArray<int> levels)
    {
        if (levels.IsDefault)
        {
            throw new ArgumentException("An outcome needs its levels.", nameof(levels));
        }

        foreach (var level in levels)
        {
            if (level < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(levels), level, "Level indices are never negative.");
            }
        }

        Levels = levels;
    }

    /// <summary>The outcome with these level indices, one per issue.</summary>
    public static Outcome Of(params int[] levels) => new(ImmutableArray.Create(levels));

    /// <summary>Level index per issue.</summary>
    public ImmutableArray<int> Levels { get; }

    public int IssueCount => Levels.Length;

    public int this[int issue] => Levels[issue];

    public bool Equals(Outcome? other) =>
        other is not null && (ReferenceEquals(this, other) || Levels.AsSpan().SequenceEqual(other.Levels.AsSpan()));

    public override bool Equals(object? obj) => Equals(obj as Outcome);

    /// <summary>
    /// A deterministic hash (FNV-1a over the levels) rather than <see cref="HashCode"/>, which is
    /// seeded per process: the iteration order of a hash set of outcomes then never varies between
    /// runs, in case anyone ever relies on it (DESIGN §5.2).
    /// </summary>
    public override int GetHashCode()
    {
        var hash = 2166136261u;
        foreach (var level in Levels)
        {
            hash = unchecked((hash ^ (uint)level) * 16777619u);
        }

        return unchecked((int)hash);
    }

    /// <summary>Lexicographic order of the levels (a shorter outcome first on a common prefix).</summary>
    public int CompareTo(Outcome? other)
    {
        if (other is null)
        {
            return 1;
        }

        var common = Math.Min(Levels.Length, other.Levels.Length);
        for (var i = 0; i < common; i++)
        {
            var c = Levels[i].CompareTo(other.Levels[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return Levels.Length.CompareTo(other.Levels.Length);
    }

    /// <summary>Like <c>[0,2,1]</c>.</summary>
    public override string ToString() =>
        "[" + string.Join(",", Levels.Select(l => l.ToString(CultureInfo.InvariantCulture))) + "]";

    public static bool operator ==(Outcome? left, Outcome? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Outcome? left, Outcome? right) => !(left == right);
}
