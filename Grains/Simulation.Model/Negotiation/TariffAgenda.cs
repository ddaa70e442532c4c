using Simulation.Model.Economics;
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

    /// <summary>
    /// The agenda of <paramref name="spec"/>. Refuses one too large to value and search
    /// (<see cref="AgendaSize"/>); the scenario loader has refused such a file already.
    /// </summary>
    public static TariffAgenda For(NegotiationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var excesses = AgendaSize.Of(spec.Issues).Excesses();
        if (excesses.Count > 0)
        {
            throw new ArgumentException($"Negotiation {spec.Id} is too large: {string.Join("; ", excesses)}.", nameof(spec));
        }

        var lines = spec.Issues.Select(i => new TariffLine(i.Importer, i.Exporter, i.Sector)).ToList();
        var groups = new List<IssueGroup>();
        foreach (var sector in lines.Select(l => l.Sector).Distinct())
        {
            var issues = Enumerable.Range(0, lines.Count).Where(i => lines[i].Sector == sector).ToList();
            groups.Add(new IssueGroup(sector, issues, [.. issues.Select(i => spec.Issues[i].Levels.Count)]));
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
    /// (DESIGN §4.2), under <paramref name="country"/>'s objective and weights. Uses the world as it
    /// stands, so it is recomputed when the world changes. Exact within a sector: the market model
    /// solves the whole sector (gsim couples its markets) for every combination of its issues.
    /// </summary>
    public AdditiveValueFunction ValuesFor(Country country, World world, IMarketModel model) =>
        ValuesFor([country], world, model)[0];

    /// <summary>
    /// <see cref="ValuesFor(Country, World, IMarketModel)"/> for several countries (or several views
    /// of one) at once: each sector is solved once per combination, whoever values it.
    /// </summary>
    public IReadOnlyList<AdditiveValueFunction> ValuesFor(IReadOnlyList<Country> countries, World world, IMarketModel model) =>
        ValuesFor(countries, world, model, previous: null, resolve: null);

    /// <summary>
    /// Repricing (DESIGN §2 "Seams"): the groups (sectors) <paramref name="resolve"/> names are
    /// solved again in <paramref name="world"/>; every other group keeps its table from
    /// <paramref name="previous"/> (one value function per country, same order), since a sector's
    /// values depend only on its own markets. Without <paramref name="previous"/>, every group is solved.
    /// </summary>
    public IReadOnlyList<AdditiveValueFunction> ValuesFor(
        IReadOnlyList<Country> countries, World world, IMarketModel model, IReadOnlyList<AdditiveValueFunction>? previous, Func<IssueGroup, bool>? resolve)
    {
        ArgumentNullException.ThrowIfNull(countries);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(model);
        if (previous is not null && (previous.Count != countries.Count || previous.Any(p => !p.Space.Equals(Space))))
        {
            throw new ArgumentException("Previous values must be one per country, over this agenda's space.", nameof(previous));
        }

        var tables = countries.Select(_ => new List<double[]>(Space.Groups.Count)).ToList();
        for (var g = 0; g < Space.Groups.Count; g++)
        {
            var group = Space.Groups[g];
            if (previous is not null && resolve is not null && !resolve(group))
            {
                for (var c = 0; c < countries.Count; c++)
                {
                    tables[c].Add([.. previous[c].GroupValues[g]]);
                }

                continue;
            }

            var sector = world.MarketsOf(group.Key);
            var current = model.SolveSector(sector, world.TariffOf);
            var now = countries.Select(c => ObjectiveValue(c, current)).ToArray();
            var groupTables = countries.Select(_ => new double[group.Size]).ToArray();
            // One overlay, one delegate and one level counter per sector, updated in place: only the
            // market model allocates per combination (up to a million of them per negotiation).
            var overlay = new Dictionary<TariffLine, double>();
            Func<TariffLine, double> tariffs = line => overlay.TryGetValue(line, out var tariff) ? tariff : world.TariffOf(line);
            var levels = new int[group.Issues.Count];
            foreach (var issue in group.Issues)
            {
                overlay[Lines[issue]] = TariffOf(issue, 0);
            }

            for (var combination = 0; combination < group.Size; combination++)
            {
                if (combination > 0)
                {
                    NextLevels(group, levels, overlay);
                }

                var solution = model.SolveSector(sector, tariffs);
                for (var c = 0; c < countries.Count; c++)
                {
                    groupTables[c][combination] = ObjectiveValue(countries[c], solution) - now[c];
                }
            }

            for (var c = 0; c < countries.Count; c++)
            {
                tables[c].Add(groupTables[c]);
            }
        }

        return tables.Select(t => new AdditiveValueFunction(Space, t)).ToList();
    }

    /// <summary>
    /// Steps <paramref name="levels"/> to the next combination in <see cref="IssueGroup.Encode"/>'s
    /// order (mixed radix, the last issue fastest), setting in the overlay the lines that changed.
    /// </summary>
    private void NextLevels(IssueGroup group, int[] levels, Dictionary<TariffLine, double> overlay)
    {
        var k = levels.Length - 1;
        while (++levels[k] == group.LevelCounts[k])
        {
            levels[k] = 0;
            overlay[Lines[group.Issues[k]]] = TariffOf(group.Issues[k], 0);
            k--;
        }

        overlay[Lines[group.Issues[k]]] = TariffOf(group.Issues[k], levels[k]);
    }

    private static double ObjectiveValue(Country country, SectorSolution solution) =>
        CountryMeasures.For(country, [solution]).ValueOf(country.Objective);
}
