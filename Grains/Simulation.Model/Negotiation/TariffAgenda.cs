using Simulation.Model.Economics;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Negotiation;

/// <summary>
/// The issues on the table in one negotiation, as an outcome space whose tariff issues are grouped
/// by sector and whose discrete issues are each a group of their own, keyed by the issue's id.
/// Grouping by sector is what makes utilities exact and cheap (DESIGN §4.2): issues in different
/// sectors never interact, so a party's value is a sum of per-sector tables, each built by solving
/// only that sector's markets for every combination of its issues' levels. Sectors linked by inputs
/// (DESIGN §3.2) do interact: their issues make one group per linked block (keyed by its sectors
/// joined by " + "), valued by solving the whole block for every combination. A discrete issue's
/// table is the party's values in the file (DESIGN §6.1), which are public: an opponent model
/// sees them as they are. (The name is older than discrete issues; it is kept so that the code
/// built on it reads the same.)
/// </summary>
public sealed class TariffAgenda
{
    // The tariff line of each tariff issue, null for other issues.
    private readonly TariffLine?[] _lineOf;

    // The line of each tariff-rate quota issue, null for other issues.
    private readonly TariffLine?[] _quotaLineOf;

    private readonly LinkedBlocks _blocks;

    /// <summary>
    /// Largest group whose combinations' values the world remembers (<see cref="ValuationMemo"/>):
    /// a few hundred bytes each, so a world's memo stays small next to a run even when hundreds of
    /// tables remember theirs; a group of a million combinations is solved through, as before.
    /// </summary>
    private const int MaxRememberedCombinations = 1_024;

    private TariffAgenda(NegotiationSpec spec, TariffLine?[] lineOf, TariffLine?[] quotaLineOf, OutcomeSpace space, LinkedBlocks blocks)
    {
        _blocks = blocks;
        Spec = spec;
        _lineOf = lineOf;
        _quotaLineOf = quotaLineOf;
        Lines = [.. lineOf.OfType<TariffLine>()];
        QuotaLines = [.. quotaLineOf.OfType<TariffLine>()];
        Space = space;
    }

    public NegotiationSpec Spec { get; }

    /// <summary>The tariff lines on the table, in the scenario's order (discrete issues have none).</summary>
    public IReadOnlyList<TariffLine> Lines { get; }

    /// <summary>The lines whose tariff-rate quota is on the table, in the scenario's order.</summary>
    public IReadOnlyList<TariffLine> QuotaLines { get; }

    /// <summary>
    /// The sectors whose markets this agenda's outcomes change, and whose changes change its values:
    /// those of its tariff and quota issues, with every sector linked to them by inputs.
    /// </summary>
    public IEnumerable<string> Sectors => Lines.Concat(QuotaLines).SelectMany(l => _blocks.BlockOf(l.Sector)).Distinct(StringComparer.Ordinal);

    public OutcomeSpace Space { get; }

    /// <summary>Whether the values are utilities (<c>units: utility</c>, DESIGN §4.2) rather than money.</summary>
    public bool InUtilityUnits => Spec.InUtilityUnits;

    /// <summary>
    /// The agenda of <paramref name="spec"/>, its sectors grouped by the linked blocks of
    /// <paramref name="blocks"/> (each sector alone without). Refuses one too large to value and search
    /// (<see cref="AgendaSize"/>); the scenario loader has refused such a file already.
    /// </summary>
    public static TariffAgenda For(NegotiationSpec spec, LinkedBlocks? blocks = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        blocks ??= LinkedBlocks.None;
        var excesses = AgendaSize.Of(spec.Issues, blocks).Excesses();
        if (excesses.Count > 0)
        {
            throw new ArgumentException($"Negotiation {spec.Id} is too large: {string.Join("; ", excesses)}.", nameof(spec));
        }

        var lineOf = spec.Issues
            .Select(i => i is TariffIssueSpec t ? new TariffLine(t.Importer, t.Exporter, t.Sector) : (TariffLine?)null)
            .ToArray();
        var quotaLineOf = spec.Issues.Select(i => i is QuotaIssueSpec q ? q.Line : (TariffLine?)null).ToArray();
        string? GroupOf(int issue) => (lineOf[issue] ?? quotaLineOf[issue])?.Sector is { } sector ? blocks.KeyOf(sector) : null;
        var groups = new List<IssueGroup>();
        var sectorsDone = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Issues.Count; i++)
        {
            if (spec.Issues[i] is DiscreteIssueSpec discrete)
            {
                groups.Add(IssueGroup.Single(discrete.Id, i, discrete.LevelCount));
                continue;
            }

            // A sector's (or linked block's) group sits where its first issue is, as AgendaSize counts
            // them; tariff-rate quotas are in their sector's group, since they move the same markets.
            var key = GroupOf(i)!;
            if (sectorsDone.Add(key))
            {
                var issues = Enumerable.Range(0, lineOf.Length).Where(j => GroupOf(j) == key).ToList();
                groups.Add(new IssueGroup(key, issues, [.. issues.Select(j => spec.Issues[j].LevelCount)]));
            }
        }

        var space = new OutcomeSpace(spec.Issues.Select(i => i.LevelCount).ToList(), groups);
        return new TariffAgenda(spec, lineOf, quotaLineOf, space, blocks);
    }

    /// <summary>
    /// The sectors whose markets a group's values come from: the sector of its issues, or all the
    /// sectors of their linked block; none for a discrete issue.
    /// </summary>
    public IReadOnlyList<string> SectorsOf(IssueGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return (_lineOf[group.Issues[0]] ?? _quotaLineOf[group.Issues[0]])?.Sector is { } sector ? _blocks.BlockOf(sector) : [];
    }

    /// <summary>The tariff line of issue <paramref name="issue"/>, or null for a discrete issue.</summary>
    public TariffLine? LineOf(int issue) => _lineOf[issue];

    /// <summary>The tariff (percent) level <paramref name="level"/> of tariff issue <paramref name="issue"/> stands for.</summary>
    public double TariffOf(int issue, int level) =>
        Spec.Issues[issue] is TariffIssueSpec tariff
            ? tariff.Levels[level]
            : throw new ArgumentException($"Issue {issue} of negotiation {Spec.Id} is a discrete issue, not a tariff.", nameof(issue));

    /// <summary>
    /// What agreeing on <paramref name="outcome"/> does to the world: every tariff line on the table
    /// set to its agreed level. Discrete issues change no tariff.
    /// </summary>
    public IReadOnlyList<TariffChange> ChangesOf(Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Space.EnsureContains(outcome);
        var changes = new List<TariffChange>(Lines.Count);
        for (var issue = 0; issue < _lineOf.Length; issue++)
        {
            if (_lineOf[issue] is { } line)
            {
                changes.Add(new TariffChange(line, TariffOf(issue, outcome[issue])));
            }
        }

        return changes;
    }

    /// <summary>
    /// The tariff-rate quotas agreeing on <paramref name="outcome"/> puts on the world: every quota
    /// issue's line with the volume agreed, its in-quota tariff and rent holder.
    /// </summary>
    public IReadOnlyList<QuotaChange> QuotaChangesOf(Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Space.EnsureContains(outcome);
        return [.. Spec.Issues
            .Select((issue, i) => issue is QuotaIssueSpec quota ? new QuotaChange(quota.Line, quota.QuotaAt(outcome[i])) : null)
            .OfType<QuotaChange>()];
    }

    /// <summary>
    /// What <paramref name="outcome"/> stands for, issue by issue in the order of the file: the
    /// tariff of a tariff issue, the value name of a discrete one (DESIGN §6.2's outcome entries).
    /// </summary>
    public IReadOnlyList<IssueDescription> Describe(Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Space.EnsureContains(outcome);
        return [.. Spec.Issues.Select((issue, i) => issue switch
        {
            TariffIssueSpec t => (IssueDescription)new TariffDescription(t.Importer, t.Exporter, t.Sector, t.Levels[outcome[i]]),
            DiscreteIssueSpec d => new DiscreteDescription(d.Id, d.Values[outcome[i]]),
            QuotaIssueSpec q => new QuotaDescription(q.Importer, q.Exporter, q.Sector, q.Volumes[outcome[i]], q.InQuotaTariffPercent, OverQuotaTariff(q, outcome)),
            _ => throw new InvalidOperationException($"Unknown kind of issue {issue}."),
        })];
    }

    /// <summary>
    /// V_c(ω) = U_c(world ⊕ ω) − U_c(world) for every outcome, as one table per sector
    /// (DESIGN §4.2), under <paramref name="country"/>'s objective and weights. Uses the world as it
    /// stands, so it is recomputed when the world changes. Exact within a sector: the market model
    /// solves the whole sector (gsim couples its markets) for every combination of its issues.
    /// A discrete issue adds the country's values from the file: value[level] − value[0] in money
    /// units (a gain over no deal, whose level is the first), value[level] itself in
    /// <c>units: utility</c>, where V is the utility (DESIGN §4.2).
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

            if (Spec.Issues[group.Issues[0]] is DiscreteIssueSpec discrete)
            {
                for (var c = 0; c < countries.Count; c++)
                {
                    tables[c].Add(DiscreteValues(discrete, countries[c].Id));
                }

                continue;
            }

            // The group's first sector names its block; a sector alone is its own block. The world as it
            // stands goes through the world's memo, so every table of the sector shares its solve; so do
            // the combinations of a group of tariff issues small enough to remember (the two seats at a
            // table value the same ones). A group with quota issues is solved here each time.
            var sector = SectorsOf(group)[0];
            var memo = group.Issues.All(i => _lineOf[i] is not null) && group.Size <= MaxRememberedCombinations ? world.Valuations : null;
            var now = new double[countries.Count];
            ValueInto(world.Valuations, model, ValuationMemo.KeyOf(sector, [], world), countries, () => world.SolveBlock(model, sector, world.TariffOf, world.QuotaOf), now);
            var groupTables = countries.Select(_ => new double[group.Size]).ToArray();
            // One overlay, one delegate and one level counter per sector, updated in place: only the
            // market model allocates per combination (up to a million of them per negotiation).
            var overlay = new Dictionary<TariffLine, double>();
            var quotaOverlay = new Dictionary<TariffLine, TariffRateQuota?>();
            Func<TariffLine, double> tariffs = line => overlay.TryGetValue(line, out var tariff) ? tariff : world.TariffOf(line);
            Func<TariffLine, TariffRateQuota?> quotas = line => quotaOverlay.TryGetValue(line, out var quota) ? quota : world.QuotaOf(line);
            Func<IReadOnlyList<SectorSolution>> solve = () => world.SolveBlock(model, sector, tariffs, quotas);
            var levels = new int[group.Issues.Count];
            var values = new double[countries.Count];
            foreach (var issue in group.Issues)
            {
                SetLevel(issue, 0, overlay, quotaOverlay);
            }

            for (var combination = 0; combination < group.Size; combination++)
            {
                if (combination > 0)
                {
                    NextLevels(group, levels, overlay, quotaOverlay);
                }

                var key = memo is null ? "" : ValuationMemo.KeyOf(sector, group.Issues.Select(i => (_lineOf[i]!.Value, overlay[_lineOf[i]!.Value])), world);
                ValueInto(memo, model, key, countries, solve, values);
                for (var c = 0; c < countries.Count; c++)
                {
                    groupTables[c][combination] = values[c] - now[c];
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
    private void NextLevels(IssueGroup group, int[] levels, Dictionary<TariffLine, double> overlay, Dictionary<TariffLine, TariffRateQuota?> quotaOverlay)
    {
        var k = levels.Length - 1;
        while (++levels[k] == group.LevelCounts[k])
        {
            levels[k] = 0;
            SetLevel(group.Issues[k], 0, overlay, quotaOverlay);
            k--;
        }

        SetLevel(group.Issues[k], levels[k], overlay, quotaOverlay);
    }

    /// <summary>Sets in the overlays what level <paramref name="level"/> of issue <paramref name="issue"/> puts on its line: a tariff or a quota.</summary>
    private void SetLevel(int issue, int level, Dictionary<TariffLine, double> overlay, Dictionary<TariffLine, TariffRateQuota?> quotaOverlay)
    {
        if (_lineOf[issue] is { } line)
        {
            overlay[line] = TariffOf(issue, level);
        }
        else if (Spec.Issues[issue] is QuotaIssueSpec quota)
        {
            quotaOverlay[quota.Line] = quota.QuotaAt(level);
        }
    }

    /// <summary>
    /// The over-quota tariff of a quota issue in <paramref name="outcome"/>: the level agreed on the
    /// same line's tariff issue when the table has one, the line's tariff in the trade data otherwise.
    /// </summary>
    private double OverQuotaTariff(QuotaIssueSpec quota, Outcome outcome)
    {
        for (var issue = 0; issue < _lineOf.Length; issue++)
        {
            if (_lineOf[issue] == quota.Line)
            {
                return TariffOf(issue, outcome[issue]);
            }
        }

        return quota.OverQuotaTariffPercent;
    }

    /// <summary>A party's table for a discrete issue: its values, less the status quo's in money units.</summary>
    private double[] DiscreteValues(DiscreteIssueSpec issue, string party)
    {
        var statusQuo = InUtilityUnits ? 0 : issue.ValueOf(party, 0);
        return [.. Enumerable.Range(0, issue.LevelCount).Select(level => issue.ValueOf(party, level) - statusQuo)];
    }

    /// <summary>Each country's objective value of <paramref name="solve"/>'s solution, through <paramref name="memo"/> when there is one.</summary>
    private static void ValueInto(ValuationMemo? memo, IMarketModel model, string key, IReadOnlyList<Country> countries, Func<IReadOnlyList<SectorSolution>> solve, double[] into)
    {
        if (memo is not null)
        {
            memo.ValuesOf(model, key, countries, solve, ObjectiveValue, into);
            return;
        }

        var solution = solve();
        for (var c = 0; c < countries.Count; c++)
        {
            into[c] = ObjectiveValue(countries[c], solution);
        }
    }

    private static double ObjectiveValue(Country country, IReadOnlyList<SectorSolution> solutions) =>
        CountryMeasures.For(country, solutions).ValueOf(country.Objective);
}
