using Simulation.Model.Economics;
using Simulation.Model.Scenarios;

namespace Simulation.Tests.Shared;

/// <summary>
/// An independent, brute-force bargaining analysis of one negotiation (DESIGN §4.5), for tests to
/// compare a run's analysis against. Like <see cref="ReferenceRun"/>, it shares only the economics
/// with the code under test: every outcome is enumerated and valued by solving the whole world with
/// and without it (V = U(world ⊕ ω) − U(world)), normalised by its own min and max over the space
/// (u = (V − min)/(max − min), r = clip(−min/(max − min), 0, 1)), and the frontier, Nash,
/// Kalai–Smorodinsky and maximum-welfare points are found by applying their definitions to every
/// outcome: no agenda, value tables, Pareto merge or analysis class. Every outcome, valued, is in
/// <see cref="Result.Outcomes"/> (in the order of the issues' levels, the last issue fastest). Tariff
/// and tariff-rate quota (trq) issues are valued; a point's <see cref="Point.Tariffs"/> holds each
/// issue's level as a number, the tariff for a tariff issue and the quota volume for a quota issue.
/// </summary>
public static class ReferenceAnalysis
{
    public sealed record Point(IReadOnlyList<double> Tariffs, IReadOnlyList<double> Utilities, IReadOnlyList<double> Gains);

    public sealed record Result(
        IReadOnlyList<double> Reservations,
        IReadOnlyList<Point> Frontier,
        Point? Nash,
        Point? KalaiSmorodinsky,
        Point MaxSocialWelfare,
        double ParetoDistance,
        double? NashDistance,
        IReadOnlyList<Point> Outcomes);

    /// <param name="world">The world the negotiation ended in.</param>
    /// <param name="agreedTariffs">The agreement's level per issue (tariff, or quota volume), or null for no deal.</param>
    public static Result Of(Scenario scenario, NegotiationSpec negotiation, World world, IReadOnlyList<double>? agreedTariffs)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(negotiation);
        ArgumentNullException.ThrowIfNull(world);
        var model = scenario.Model;
        var parties = negotiation.Parties.Select(scenario.Country).ToList();
        var now = world.Solve(model);

        List<double[]> outcomes = [[]];
        var issues = negotiation.Issues;
        foreach (var issue in issues)
        {
            outcomes = [.. outcomes.SelectMany(prefix => LevelsOf(issue).Select(level => (double[])[.. prefix, level]))];
        }

        var gains = outcomes.Select(levels =>
        {
            var after = Apply(world, issues, levels).Solve(model);
            return parties.Select(c => Objective(c, after) - Objective(c, now)).ToArray();
        }).ToList();

        var n = parties.Count;
        var min = Enumerable.Range(0, n).Select(i => gains.Min(g => g[i])).ToArray();
        var max = Enumerable.Range(0, n).Select(i => gains.Max(g => g[i])).ToArray();
        var reservations = Enumerable.Range(0, n).Select(i => max[i] > min[i] ? Math.Clamp(-min[i] / (max[i] - min[i]), 0, 1) : 0).ToArray();
        var points = outcomes.Select((tariffs, o) => new Point(
            tariffs,
            Enumerable.Range(0, n).Select(i => max[i] > min[i] ? (gains[o][i] - min[i]) / (max[i] - min[i]) : 0).ToArray(),
            gains[o])).ToList();

        static bool Dominates(Point q, Point p) =>
            q.Utilities.Zip(p.Utilities).All(x => x.First >= x.Second) && q.Utilities.Zip(p.Utilities).Any(x => x.First > x.Second);
        var frontier = points.Where(p => !points.Any(q => Dominates(q, p))).ToList();

        static double Sum(Point p) => p.Utilities.Sum();
        static Point? Best(IEnumerable<Point> candidates, Func<Point, double> score) =>
            candidates.OrderByDescending(score).ThenByDescending(Sum).FirstOrDefault();

        var rational = points.Where(p => Enumerable.Range(0, n).All(i => p.Utilities[i] >= reservations[i])).ToList();
        Point? nash = null, ks = null;
        if (rational.Count > 0)
        {
            var ideal = Enumerable.Range(0, n).Select(i => rational.Max(p => p.Utilities[i])).ToArray();
            var gaining = Enumerable.Range(0, n).Where(i => ideal[i] > reservations[i]).ToList();
            nash = Best(rational, p => gaining.Aggregate(1.0, (product, i) => product * (p.Utilities[i] - reservations[i])));
            ks = Best(rational, p => gaining.Select(i => (p.Utilities[i] - reservations[i]) / (ideal[i] - reservations[i])).DefaultIfEmpty(1).Min());
        }

        var settlement = agreedTariffs is null
            ? (IReadOnlyList<double>)reservations
            : points.Single(p => p.Tariffs.SequenceEqual(agreedTariffs)).Utilities;
        static double Distance(IReadOnlyList<double> a, IReadOnlyList<double> b) => Math.Sqrt(a.Zip(b).Sum(x => (x.First - x.Second) * (x.First - x.Second)));
        return new Result(
            reservations,
            frontier,
            nash,
            ks,
            Best(points, Sum)!,
            frontier.Min(p => Distance(settlement, p.Utilities)),
            nash is null ? null : Distance(settlement, nash.Utilities),
            points);
    }

    /// <summary>
    /// An issue's levels as numbers: a tariff issue's tariffs, a quota issue's quota volumes (the
    /// in-quota tariff and the rent holder are the issue's own, not on the table).
    /// </summary>
    private static IReadOnlyList<double> LevelsOf(IssueSpec issue) => issue switch
    {
        TariffIssueSpec tariff => tariff.Levels,
        QuotaIssueSpec quota => quota.Volumes,
        _ => throw new NotSupportedException($"The reference analysis values tariff and quota issues, not {issue.GetType().Name}."),
    };

    /// <summary>
    /// The world with an outcome in force: each tariff issue sets its line's tariff, each quota issue
    /// puts a tariff-rate quota of its volume on its line, the line's tariff staying as the over-quota
    /// tariff (DESIGN §4.1). A volume of 0 lets nothing in at the in-quota tariff, the same as no quota.
    /// </summary>
    private static World Apply(World world, IReadOnlyList<IssueSpec> issues, IReadOnlyList<double> levels)
    {
        var tariffs = issues.Select((issue, i) => issue is TariffIssueSpec t
            ? new TariffChange(new TariffLine(t.Importer, t.Exporter, t.Sector), levels[i])
            : null).OfType<TariffChange>();
        var quotas = issues.Select((issue, i) => issue is QuotaIssueSpec q
            ? new QuotaChange(new TariffLine(q.Importer, q.Exporter, q.Sector), new TariffRateQuota(levels[i], q.InQuotaTariffPercent, q.Rent))
            : null).OfType<QuotaChange>();
        return world.With(tariffs).WithQuotas(quotas);
    }

    private static double Objective(Country country, IReadOnlyList<SectorSolution> solutions) =>
        CountryMeasures.For(country, solutions).ValueOf(country.Objective);
}
