using System.Globalization;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Negotiation;

/// <summary>
/// What a negotiation's agenda costs before anything is computed: the sectors its issues span
/// (the groups of its outcome space, in order of first appearance, as <see cref="TariffAgenda"/>
/// forms them), the combinations of levels within each, the market solves valuing them all, and
/// the worst-case work of its Pareto search. Checked against <see cref="ScenarioLimits"/> when a
/// scenario is read, so that a negotiation too large to run is refused then, not by running out
/// of memory or time.
/// </summary>
public sealed class AgendaSize
{
    private AgendaSize(IReadOnlyList<(string Sector, double Combinations)> sectors) => Sectors = sectors;

    /// <summary>Each sector the issues are in, in order of first appearance, and its number of combinations of levels.</summary>
    public IReadOnlyList<(string Sector, double Combinations)> Sectors { get; }

    /// <summary>The size of the agenda made of <paramref name="issues"/>.</summary>
    public static AgendaSize Of(IReadOnlyList<TariffIssueSpec> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var sectors = new List<(string Sector, double Combinations)>();
        foreach (var issue in issues)
        {
            var at = sectors.FindIndex(s => s.Sector == issue.Sector);
            if (at < 0)
            {
                sectors.Add((issue.Sector, issue.Levels.Count));
            }
            else
            {
                sectors[at] = (issue.Sector, sectors[at].Combinations * issue.Levels.Count);
            }
        }

        return new AgendaSize(sectors);
    }

    /// <summary>Σ over sectors of their combinations: one market solve each.</summary>
    public double MarketSolves => Sectors.Sum(s => s.Combinations);

    /// <summary><see cref="ParetoFrontier.WorstCaseMergePairs"/> for these sectors.</summary>
    public double WorstCaseMergePairs => ParetoFrontier.WorstCaseMergePairs([.. Sectors.Select(s => s.Combinations)]);

    /// <summary>What exceeds a limit, one sentence per limit, each stating the size and the limit; empty when the agenda fits.</summary>
    public IReadOnlyList<string> Excesses()
    {
        var excesses = new List<string>();
        if (Sectors.Count > ScenarioLimits.MaxSectorsPerNegotiation)
        {
            excesses.Add(
                $"its issues span {Sectors.Count} sectors; at most {ScenarioLimits.MaxSectorsPerNegotiation} are supported " +
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
                $"({Sectors.Count} sectors, ε = {ParetoFrontier.Resolution.ToString(CultureInfo.InvariantCulture)}); " +
                $"at most {Count(ScenarioLimits.MaxParetoMergePairs)} are supported: fewer sectors, or fewer levels per sector, bring it down");
        }

        return excesses;
    }

    /// <summary>A count as digits with thousands separators, or in scientific notation when very large.</summary>
    private static string Count(double count) =>
        count < 1e12
            ? count.ToString("N0", CultureInfo.InvariantCulture)
            : count.ToString("0.0e0", CultureInfo.InvariantCulture);
}
