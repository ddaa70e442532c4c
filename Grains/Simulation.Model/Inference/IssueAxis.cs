namespace Simulation.Model.Inference;

/// <summary>
/// One issue of a negotiation's table as an ordered axis of levels, the status quo first, in the
/// scenario's order (DESIGN §9): a tariff issue's levels, a quota issue's volumes (each at the
/// issue's in-quota tariff) or a discrete issue's values. <see cref="Key"/> names it in episode
/// files, forecasts and scores: <c>IMPORTER:EXPORTER:SECTOR</c> for a tariff,
/// <c>IMPORTER:EXPORTER:SECTOR:quota</c> for a tariff-rate quota, the id for a discrete issue.
/// </summary>
public sealed record IssueAxis(string Key, IssueKind Kind, IReadOnlyList<IssueLevel> Levels)
{
    /// <summary>The suffix of a tariff-rate quota issue's key.</summary>
    public const string QuotaSuffix = ":quota";

    public int LevelCount => Levels.Count;

    /// <summary>
    /// The level nearest <paramref name="observed"/>: a tariff in percent for a tariff issue, a volume
    /// for a quota issue. An observed value halfway between two levels goes to the lower index, so the
    /// rule does not depend on whether the levels rise or fall.
    /// </summary>
    /// <exception cref="InvalidOperationException">A discrete issue, whose values have no distance.</exception>
    public NearestLevel Nearest(double observed)
    {
        if (Kind == IssueKind.Discrete)
        {
            throw new InvalidOperationException($"The discrete issue {Key} has no nearest level to a number.");
        }

        var best = 0;
        var bestDistance = double.PositiveInfinity;
        for (var k = 0; k < Levels.Count; k++)
        {
            var distance = Math.Abs(NumberAt(k) - observed);
            if (distance < bestDistance)
            {
                best = k;
                bestDistance = distance;
            }
        }

        return new NearestLevel(best, bestDistance == 0);
    }

    /// <summary>The index of a discrete issue's value <paramref name="value"/> (compared ordinally), or null when it has none.</summary>
    public int? IndexOfValue(string value)
    {
        for (var k = 0; k < Levels.Count; k++)
        {
            if (string.Equals(Levels[k].Value, value, StringComparison.Ordinal))
            {
                return k;
            }
        }

        return null;
    }

    private double NumberAt(int level) => Kind == IssueKind.Tariff ? Levels[level].Tariff!.Value : Levels[level].Quota!.Value;
}
