namespace Simulation.Model.Inference.Forecasts;

/// <summary>
/// The forecast of one issue: every level of it, in the table's order (status quo first), with the
/// probability that the negotiation leaves the issue there. Levels the forecast gives no chance are
/// listed too, at 0, so a reader sees the whole table.
/// </summary>
public sealed record IssueForecast(string Issue, IReadOnlyList<IssueLevel> Levels, IReadOnlyList<double> Probabilities)
{
    /// <summary>Whether <paramref name="axis"/> has this forecast's key and exactly its levels, in order.</summary>
    public bool IsOn(IssueAxis axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        return string.Equals(axis.Key, Issue, StringComparison.Ordinal) && axis.Levels.SequenceEqual(Levels);
    }
}
