using Simulation.Model.Economics;
using Simulation.Model.Economics.Objectives;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Negotiation;

/// <summary>
/// The tariff lines on the table in one negotiation, as an outcome space whose issues are grouped
/// by sector. Grouping by sector is what makes utilities exact and cheap (DESIGN §4.2): issues in
/// different sectors never interact, so a party's value is a sum of per-sector tables, each built
/// by solving only that sector's markets for every combination of its issues' levels.
/// </summary>
public sealed class TariffAgenda
{
    /// <summary>A sector with more combinations than this is refused rather than left to run for hours.</summary>
    public const int MaxCombinationsPerSector = 1_000_000;

    private TariffAgenda(NegotiationSpec spec, IReadOnlyList<TariffLine> lines, OutcomeSpace space)
    {
        Spec = spec;
        Lines = lines;
        Space = space;
    }

    public NegotiationSpec Spec { get; }

    /// <summary>The tariff line of each issue, in the scenario's order.</summary>
    public IReadOnlyList<TariffLine> Lines { get; }

    public OutcomeSpace Space { get; }

    public static TariffAgenda For(NegotiationSpec spec)
    {
        var lines = spec.Issues.Select(i => new TariffLine(i.Importer, i.Exporter, i.Sector)).ToList();
        var groups = new List<IssueGroup>();
        foreach (var sector in lines.Select(l => l.Sector).Distinct())
        {
            var issues = Enumerable.Range(0, lines.Count).Where(i => lines[i].Sector == sector).ToList();
            var counts = issues.Select(i => spec.Issues[i].Levels.Count).ToList();
            var combinations = counts.Aggregate(1.0, (product, count) => product * count);
            if (combinations > MaxCombinationsPerSector)
            {
                throw new InvalidOperationException(
                    $"Negotiation {spec.Id}: the issues in sector {sector} have {combinations:N0} combinations of levels; at most {MaxCombinationsPerSector:N0} are supported.");
            }

            groups.Add(new IssueGroup(sector, issues, counts));
        }

        var space = new OutcomeSpace(spec.Issues.Select(i => i.Levels.Count).ToList(), groups);
        return new TariffAgenda(spec, lines, space);
    }

    /// <summary>The tariff each issue's level in <paramref name="outcome"/> stands for (percent).</summary>
    public double TariffOf(int issue, int level) => Spec.Issues[issue].Levels[level];

    /// <summary>What agreeing on <paramref name="outcome"/> does to the world: every line on the table set to its agreed level.</summary>
    public IReadOnlyList<TariffChange> ChangesOf(Outcome outcome) =>
        Lines.Select((line, issue) => new TariffChange(line, TariffOf(issue, outcome.Levels[issue]))).ToList();

    /// <summary>
    /// V_c(ω) = U_c(world ⊕ ω) − U_c(world) for every outcome, as one table per sector
    /// (DESIGN §4.2). Uses the world as it stands, so it is recomputed when the world changes.
    /// </summary>
    public AdditiveValueFunction ValuesFor(string country, World world, IMarketModel model, IObjective objective)
    {
        var tables = new List<double[]>(Space.Groups.Count);
        foreach (var group in Space.Groups)
        {
            var markets = world.MarketsOf(group.Key);
            var now = objective.Value(country, model.SolveSector(markets, world.TariffOf));
            var table = new double[group.Size];
            var overlay = new Dictionary<TariffLine, double>();
            for (var combination = 0; combination < group.Size; combination++)
            {
                var levels = group.Decode(combination);
                for (var k = 0; k < group.Issues.Count; k++)
                {
                    var issue = group.Issues[k];
                    overlay[Lines[issue]] = TariffOf(issue, levels[k]);
                }

                var effects = model.SolveSector(markets, line => overlay.TryGetValue(line, out var tariff) ? tariff : world.TariffOf(line));
                table[combination] = objective.Value(country, effects) - now;
            }

            tables.Add(table);
        }

        return new AdditiveValueFunction(Space, tables);
    }
}
