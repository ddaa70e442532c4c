namespace Simulation.Model.Scenarios;

/// <summary>
/// Reads the tariff issues of one negotiation, written either as explicit
/// <c>levels: [5, 2.5, 0]</c> or as <c>from: 18, to: 0, steps: 4</c>. The first level is the
/// status quo, so it must be the tariff in force in <c>trade</c>: a mismatch would make "no deal"
/// and "agree on the first level" two different worlds.
/// </summary>
internal sealed class TariffIssueReader
{
    private static readonly string[] s_keys = ["importer", "exporter", "sector", "levels", "from", "to", "steps"];
    private static readonly string[] s_rangeKeys = ["from", "to", "steps"];

    private readonly IssueLineReader _lines;
    private readonly ScenarioWorld _world;
    private readonly InputErrorList _errors;

    /// <param name="parties">The negotiation's parties, or null when they are in error (party checks are then skipped).</param>
    public TariffIssueReader(PartyList? parties, ScenarioWorld world, InputErrorList errors)
    {
        _lines = new IssueLineReader(parties, world, errors);
        _world = world;
        _errors = errors;
    }

    public TariffIssueSpec? Read(YamlField field)
    {
        var fields = MappingFields.Open(field, _errors, "a tariff issue", s_keys);
        if (fields is null)
        {
            return null;
        }

        var line = _lines.ReadLine(fields);
        var (levels, firstLevel) = ReadLevels(fields);
        if (_lines.Locate(field, line, "an issue", "an issue needs one, since its first level is that flow's tariff") is not var (importer, exporter, sector, flow))
        {
            return null;
        }

        if (levels is null || firstLevel is not { } first)
        {
            return null;
        }

        if (flow.TariffPercent is { } tariff && levels[0] != tariff)
        {
            _errors.Add(first.Node, first.Path,
                $"the first level is the status quo and must equal the tariff of {flow.Path} (line {flow.Line}), " +
                $"{ScalarReader.Show(tariff)}; got {ScalarReader.Show(levels[0])}");
            return null;
        }

        _world.TariffSettings.Add(new ScenarioWorld.TariffSetting(
            new ScenarioWorld.FlowKey(importer, exporter, sector), levels.Min(), LowestLevel(fields, levels), "the level"));
        return new TariffIssueSpec(importer, exporter, sector, levels);
    }

    /// <summary>Where the lowest of <paramref name="levels"/> is written: its item in levels, or from or to (the ends of a range are exact).</summary>
    private static YamlField LowestLevel(MappingFields fields, List<double> levels)
    {
        var lowest = levels.IndexOf(levels.Min());
        if (fields.Optional("levels") is { Node: YamlSequence items } list)
        {
            return new YamlField(items.Items[lowest], DocumentPath.Index(list.Path, lowest));
        }

        return fields.Optional(lowest == 0 ? "from" : "to")!.Value;
    }

    /// <summary>
    /// Reads either form of levels. Returns the levels and the field holding the first one (where a
    /// status-quo mismatch is reported), or nulls after reporting what is wrong.
    /// </summary>
    private (List<double>? Levels, YamlField? First) ReadLevels(MappingFields fields)
    {
        var levelsField = fields.Optional("levels");
        var hasRange = s_rangeKeys.Any(fields.Has);
        if (levelsField is { } explicitLevels)
        {
            if (hasRange)
            {
                _errors.Add(fields.Node, fields.Path, "give either levels or from/to/steps, not both");
                return (null, null);
            }

            return ReadExplicitLevels(explicitLevels);
        }

        if (!hasRange)
        {
            _errors.Add(fields.Node, DocumentPath.Key(fields.Path, "levels"),
                "missing the levels: give levels: [..] or from, to and steps");
            return (null, null);
        }

        var fromField = fields.Required("from");
        var from = fromField is { } f ? Tariff(f) : null;
        var to = fields.Required("to") is { } t ? Tariff(t) : null;
        var stepsField = fields.Required("steps");
        var steps = stepsField is { } s ? ScalarReader.Integer(s, _errors, min: 1, max: ScenarioLimits.MaxLevelsPerIssue - 1) : null;
        if (from is not { } a || to is not { } b || steps is not { } n)
        {
            return (null, null);
        }

        if (a == b)
        {
            _errors.Add(fromField!.Value.Node, fromField.Value.Path, $"from and to are both {ScalarReader.Show(a)}; the levels would all be equal");
            return (null, null);
        }

        var levels = new List<double>((int)n + 1);
        for (var i = 0; i <= n; i++)
        {
            // (to − from)·i/steps rather than a running sum, so that no rounding accumulates; the
            // ends are set exactly so that from and to appear as written.
            levels.Add(i == n ? b : a + (b - a) * i / n);
        }

        if (levels.Distinct().Count() != levels.Count)
        {
            _errors.Add(stepsField!.Value.Node, stepsField.Value.Path,
                $"from {ScalarReader.Show(a)} to {ScalarReader.Show(b)} in {n} steps gives levels too close to tell apart");
            return (null, null);
        }

        return (levels, fromField);
    }

    private (List<double>? Levels, YamlField? First) ReadExplicitLevels(YamlField field)
    {
        if (field.Node is not YamlSequence items)
        {
            _errors.Add(field.Node, field.Path, $"levels must be a list of tariffs in percent, got {field.Node.Describe()}");
            return (null, null);
        }

        if (items.Items.Count is < 2 or > ScenarioLimits.MaxLevelsPerIssue)
        {
            _errors.Add(field.Node, field.Path,
                $"an issue needs from 2 to {ScenarioLimits.MaxLevelsPerIssue} levels (the status quo first), got {items.Items.Count}");
            return (null, null);
        }

        var levels = new List<double>(items.Items.Count);
        var seen = new Dictionary<double, string>();
        var ok = true;
        for (var i = 0; i < items.Items.Count; i++)
        {
            var item = new YamlField(items.Items[i], DocumentPath.Index(field.Path, i));
            if (Tariff(item) is not { } level)
            {
                ok = false;
                continue;
            }

            // Keyed by value, so 0 and -0 (and 5 and 5.0) count as the same level.
            if (!seen.TryAdd(level == 0 ? 0 : level, item.Path))
            {
                _errors.Add(item.Node, item.Path, $"level {ScalarReader.Show(level)} appears twice (also at {seen[level == 0 ? 0 : level]})");
                ok = false;
                continue;
            }

            levels.Add(level);
        }

        return ok ? (levels, new YamlField(items.Items[0], DocumentPath.Index(field.Path, 0))) : (null, null);
    }

    private double? Tariff(YamlField field) => ScalarReader.InRange(field, _errors, ScenarioRanges.TariffPercent);
}
