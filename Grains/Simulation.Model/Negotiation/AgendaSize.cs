using System.Globalization;
using Simulation.Model.Economics;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Negotiation;

/// <summary>
/// What a negotiation's agenda costs before anything is computed: the groups of its outcome space
/// as <see cref="TariffAgenda"/> forms them (each sector its tariff issues span, and each discrete
/// issue on its own, in order of first appearance), the combinations of levels within each, the
/// market solves valuing the sectors' combinations (discrete issues need none: their values are in
/// the file), and the worst-case work of its Pareto search. Checked against
/// <see cref="ScenarioLimits"/> when a scenario is read, so that a negotiation too large to run is
/// refused then, not by running out of memory or time.
/// </summary>
public sealed class AgendaSize
{
    private AgendaSize(IReadOnlyList<(string Key, double Combinations, bool IsSector)> groups)
    {
        Groups = groups;
        Sectors = [.. groups.Where(g => g.IsSector).Select(g => (g.Key, g.Combinations))];
    }

    /// <summary>Each group of the outcome space, in order of first appearance: its key (sector or discrete issue id), its combinations, and whether it is a sector.</summary>
    public IReadOnlyList<(string Key, double Combinations, bool IsSector)> Groups { get; }

    /// <summary>Each sector the tariff issues are in, in order of first appearance, and its number of combinations of levels.</summary>
    public IReadOnlyList<(string Sector, double Combinations)> Sectors { get; }

    /// <summary>The size of the agenda made of <paramref name="issues"/>, sectors linked by inputs (<paramref name="blocks"/>) counting as one group.</summary>
    public static AgendaSize Of(IReadOnlyList<IssueSpec> issues, LinkedBlocks? blocks = null)
    {
        blocks ??= LinkedBlocks.None;
        ArgumentNullException.ThrowIfNull(issues);
        var groups = new List<(string Key, double Combinations, bool IsSector)>();
        foreach (var issue in issues)
        {
            if (issue is DiscreteIssueSpec discrete)
            {
                groups.Add((discrete.Id, discrete.LevelCount, false));
                continue;
            }

            var sector = blocks.KeyOf(issue switch
            {
                TariffIssueSpec tariff => tariff.Sector,
                QuotaIssueSpec quota => quota.Sector,
                _ => throw new ArgumentException($"Unknown kind of issue {issue}.", nameof(issues)),
            });
            var at = groups.FindIndex(g => g.IsSector && g.Key == sector);
            if (at < 0)
            {
                groups.Add((sector, issue.LevelCount, true));
            }
            else
            {
                groups[at] = (sector, groups[at].Combinations * issue.LevelCount, true);
            }
        }

        return new AgendaSize(groups);
    }

    /// <summary>Σ over sectors of their combinations: one market solve each.</summary>
    public double MarketSolves => Sectors.Sum(s => s.Combinations);

    /// <summary><see cref="ParetoFrontier.WorstCaseMergePairs"/> for these groups.</summary>
    public double WorstCaseMergePairs => ParetoFrontier.WorstCaseMergePairs([.. Groups.Select(g => g.Combinations)]);

    /// <summary>What exceeds a limit, one sentence per limit, each stating the size and the limit; empty when the agenda fits.</summary>
    public IReadOnlyList<string> Excesses()
    {
        var excesses = new List<string>();
        if (Groups.Count > ScenarioLimits.MaxSectorsPerNegotiation)
        {
            excesses.Add(
                $"its issues span {GroupCount}; at most {ScenarioLimits.MaxSectorsPerNegotiation} are supported " +
                "(the memory of the bidding frontier grows with the square of the number of sectors)");
        }

        if (MarketSolves > ScenarioLimits.MaxMarketSolvesPerNegotiation)
        {
            var largest = Sectors.OrderByDescending(s => s.Combinations).ThenBy(s => s.Sector, StringComparer.Ordinal).Take(3)
                .Select(s => $"{Quoted.Short(s.Sector)}: {Count(s.Combinations)}");
            var more = Sectors.Count > 3 ? ", ..." : "";
            excesses.Add(
                $"valuing its outcomes takes {Count(MarketSolves)} market solves, one per combination of levels within each sector " +
                $"({string.Join(", ", largest)}{more}); at most {Count(ScenarioLimits.MaxMarketSolvesPerNegotiation)} are supported");
        }

        if (WorstCaseMergePairs > ScenarioLimits.MaxParetoMergePairs)
        {
            excesses.Add(
                $"the search for its Pareto frontier may examine up to {Count(WorstCaseMergePairs)} pairs of points " +
                $"({GroupCount}, ε = {ParetoFrontier.Resolution.ToString(CultureInfo.InvariantCulture)}); " +
                $"at most {Count(ScenarioLimits.MaxParetoMergePairs)} are supported: fewer sectors, or fewer levels per sector, bring it down");
        }

        return excesses;
    }

    /// <summary>"12 sectors", or "12 sectors and discrete issues" when there are discrete issues (each counts like a sector).</summary>
    private string GroupCount =>
        Groups.Count == Sectors.Count ? $"{Groups.Count} sectors" : $"{Groups.Count} sectors and discrete issues";

    /// <summary>A count as digits with thousands separators, or in scientific notation when very large.</summary>
    private static string Count(double count) =>
        count < 1e12
            ? count.ToString("N0", CultureInfo.InvariantCulture)
            : count.ToString("0.0e0", CultureInfo.InvariantCulture);
}
