namespace Simulation.Model.Scenarios;

/// <summary>Finds the allowed word a misspelt one was probably meant to be, for "did you mean" hints.</summary>
public static class Suggestion
{
    private const int MaxDistance = 2;

    /// <summary>The closest candidate within two edits (ignoring case), or null.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        // Beyond this length no candidate is within reach, and the cost stays bounded on hostile keys.
        if (word.Length > 64)
        {
            return null;
        }

        string? best = null;
        var bestDistance = MaxDistance + 1;
        foreach (var candidate in candidates)
        {
            var distance = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
