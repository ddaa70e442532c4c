using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Inference;

/// <summary>
/// The issues of one negotiation of a scenario as axes of levels (DESIGN §9), and the one mapping
/// of a run's outcome to a level per issue: episodes, calibration distances, forecasts and scores
/// all read outcomes through it. A negotiation that agreed ends each issue at its agreed level; one
/// that did not leaves every issue at its status quo (level 0), since a failed negotiation changes
/// no tariff.
/// </summary>
public sealed class NegotiationIssues
{
    private readonly Dictionary<string, int> _indexByKey;

    /// <exception cref="ArgumentException">The scenario has no negotiation <paramref name="negotiation"/>.</exception>
    public NegotiationIssues(Scenario scenario, string negotiation)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(negotiation);
        var spec = scenario.Negotiations.FirstOrDefault(n => n.Id == negotiation)
            ?? throw new ArgumentException($"The scenario has no negotiation {negotiation}.", nameof(negotiation));
        Negotiation = negotiation;
        Issues = [.. spec.Issues.Select(AxisOf)];
        _indexByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Issues.Count; i++)
        {
            // The scenario reader refuses a line twice on one table, so keys are unique; the first wins regardless.
            _indexByKey.TryAdd(Issues[i].Key, i);
        }
    }

    public string Negotiation { get; }

    /// <summary>The issues in the table's order.</summary>
    public IReadOnlyList<IssueAxis> Issues { get; }

    /// <summary>The position of the issue keyed <paramref name="key"/> in <see cref="Issues"/>, or null.</summary>
    public int? IndexOf(string key) => _indexByKey.TryGetValue(key, out var index) ? index : null;

    /// <summary>The issue keyed <paramref name="key"/>, or null.</summary>
    public IssueAxis? Find(string key) => IndexOf(key) is { } index ? Issues[index] : null;

    /// <summary>The key of the tariff issue on a line.</summary>
    public static string TariffKey(string importer, string exporter, string sector) => $"{importer}:{exporter}:{sector}";

    /// <summary>The key of the tariff-rate quota issue on a line.</summary>
    public static string QuotaKey(string importer, string exporter, string sector) => TariffKey(importer, exporter, sector) + IssueAxis.QuotaSuffix;

    /// <summary>
    /// The level index at which <paramref name="outcome"/> (this negotiation's, from a run of this
    /// scenario) leaves each issue, in <see cref="Issues"/>' order: the agreed levels, or all 0 without an agreement.
    /// </summary>
    /// <exception cref="ArgumentException">The outcome is another negotiation's, or its agreement holds a level not on this table.</exception>
    public IReadOnlyList<int> EndLevels(NegotiationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Id != Negotiation)
        {
            throw new ArgumentException($"The outcome is negotiation {outcome.Id}'s, not {Negotiation}'s.", nameof(outcome));
        }

        var levels = new int[Issues.Count];
        if (outcome.Status != NegotiationStatus.Agreed || outcome.Agreement is null)
        {
            return levels;
        }

        foreach (var entry in outcome.Agreement)
        {
            var key = entry switch
            {
                { IsQuota: true } => QuotaKey(entry.Importer!, entry.Exporter!, entry.Sector!),
                { IsTariff: true } => TariffKey(entry.Importer!, entry.Exporter!, entry.Sector!),
                _ => entry.Issue!,
            };
            var index = IndexOf(key) ?? throw new ArgumentException($"The agreement sets {key}, which is not on the table of {Negotiation}.", nameof(outcome));
            var axis = Issues[index];
            int? level = axis.Kind switch
            {
                IssueKind.Tariff => ExactLevel(axis, entry.Tariff!.Value),
                IssueKind.Quota => ExactLevel(axis, entry.Quota!.Value),
                _ => axis.IndexOfValue(entry.Value!),
            };
            levels[index] = level ?? throw new ArgumentException($"The agreement's {key} is at a level not on the table of {Negotiation}.", nameof(outcome));
        }

        return levels;
    }

    // An agreement's levels are copied from the table, so they match exactly.
    private static int? ExactLevel(IssueAxis axis, double value) => axis.Nearest(value) is { Exact: true } nearest ? nearest.Index : null;

    private static IssueAxis AxisOf(IssueSpec issue) => issue switch
    {
        TariffIssueSpec t => new IssueAxis(TariffKey(t.Importer, t.Exporter, t.Sector), IssueKind.Tariff, [.. t.Levels.Select(IssueLevel.ForTariff)]),
        QuotaIssueSpec q => new IssueAxis(QuotaKey(q.Importer, q.Exporter, q.Sector), IssueKind.Quota, [.. q.Volumes.Select(v => IssueLevel.ForQuota(v, q.InQuotaTariffPercent))]),
        DiscreteIssueSpec d => new IssueAxis(d.Id, IssueKind.Discrete, [.. d.Values.Select(IssueLevel.ForDiscrete)]),
        _ => throw new ArgumentException($"No issue axis for {issue.GetType().Name}.", nameof(issue)),
    };
}
