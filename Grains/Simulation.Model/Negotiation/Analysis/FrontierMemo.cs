namespace Simulation.Model.Negotiation;

/// <summary>
/// Frontiers already built in this process, found again by the content of what they were built
/// from: the space and every party's value tables, compared bit for bit. A batch plays the same
/// scenario again and again, and each run rebuilds its value functions, so the same frontiers
/// (each negotiator's bids, the analysis) would otherwise be folded anew in every run: measured on
/// W1, three builds took about half of a run. A frontier is immutable and depends on nothing else,
/// so one found here is the one a build would give.
/// </summary>
/// <remarks>
/// At most <see cref="Capacity"/> frontiers are kept; when full it is emptied and fills again, so a
/// run over many negotiations (each with its own frontiers) costs no more than without it. Safe for
/// runs played in parallel.
/// </remarks>
internal static class FrontierMemo
{
    public const int Capacity = 64;

    private static readonly Dictionary<Key, ParetoFrontier> Built = [];
    private static readonly Lock Gate = new();

    public static ParetoFrontier GetOrBuild(OutcomeSpace space, IReadOnlyList<AdditiveValueFunction> parties, Func<ParetoFrontier> build)
    {
        var key = new Key(space, [.. parties]);
        lock (Gate)
        {
            if (Built.TryGetValue(key, out var found))
            {
                return found;
            }
        }

        var frontier = build();
        lock (Gate)
        {
            if (Built.Count >= Capacity)
            {
                Built.Clear();
            }

            Built[key] = frontier;
        }

        return frontier;
    }

    /// <summary>A space and value functions, equal when their tables are equal bit for bit.</summary>
    private sealed class Key : IEquatable<Key>
    {
        private readonly OutcomeSpace _space;
        private readonly AdditiveValueFunction[] _parties;
        private readonly int _hash;

        public Key(OutcomeSpace space, AdditiveValueFunction[] parties)
        {
            _space = space;
            _parties = parties;
            var hash = new HashCode();
            hash.Add(space);
            foreach (var party in parties)
            {
                foreach (var table in party.GroupValues)
                {
                    for (var c = 0; c < table.Count; c++)
                    {
                        hash.Add(BitConverter.DoubleToInt64Bits(table[c]));
                    }
                }
            }

            _hash = hash.ToHashCode();
        }

        public bool Equals(Key? other)
        {
            if (other is null || other._hash != _hash || other._parties.Length != _parties.Length || !other._space.Equals(_space))
            {
                return false;
            }

            for (var p = 0; p < _parties.Length; p++)
            {
                if (!ReferenceEquals(_parties[p], other._parties[p]) && !SameTables(_parties[p], other._parties[p]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as Key);

        public override int GetHashCode() => _hash;

        private static bool SameTables(AdditiveValueFunction a, AdditiveValueFunction b)
        {
            for (var g = 0; g < a.GroupValues.Count; g++)
            {
                var (x, y) = (a.GroupValues[g], b.GroupValues[g]);
                for (var c = 0; c < x.Count; c++)
                {
                    if (BitConverter.DoubleToInt64Bits(x[c]) != BitConverter.DoubleToInt64Bits(y[c]))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}
