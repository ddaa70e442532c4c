namespace Simulation.Model.Scenarios;

/// <summary>
/// Reads the tariff-rate quota issues of one negotiation (DESIGN §6.1):
/// <c>{ type: trq, importer, exporter, sector, in_tariff, rent, levels: [0, 50, 100] }</c>, the levels
/// being quota volumes. The line must be a trade flow, whose tariff is the over-quota tariff; the
/// first level is the status quo, so it is the flow's quota volume (with the same in-quota tariff
/// and rent), or 0 when the flow has no quota.
/// </summary>
internal sealed class QuotaIssueReader
{
    public const string Type = "trq";

    private static readonly string[] s_keys = ["type", "importer", "exporter", "sector", "in_tariff", "rent", "levels"];

    private readonly IssueLineReader _lines;
    private readonly ScenarioWorld _world;
    private readonly InputErrorList _errors;

    /// <param name="parties">The negotiation's parties, or null when they are in error (party checks are then skipped).</param>
    public QuotaIssueReader(PartyList? parties, ScenarioWorld world, InputErrorList errors)
    {
        _lines = new IssueLineReader(parties, world, errors);
        _world = world;
        _errors = errors;
    }

    public QuotaIssueSpec? Read(YamlField field)
    {
        var fields = MappingFields.Open(field, _errors, "a tariff-rate quota issue", s_keys);
        if (fields is null)
        {
            return null;
        }

        var line = _lines.ReadLine(fields);
        var inTariffField = fields.Required("in_tariff");
        var inTariff = inTariffField is { } it ? ScalarReader.InRange(it, _errors, ScenarioRanges.TariffPercent) : null;
        var rentField = fields.Required("rent");
        var rent = rentField is { } r ? QuotaReader.RentHolder(r, _errors) : null;
        var levelsField = fields.Required("levels");
        var volumes = levelsField is { } lf ? ReadVolumes(lf) : null;

        if (_lines.Locate(field, line, "a quota issue", "a quota issue needs one, whose tariff is the over-quota tariff") is not var (importer, exporter, sector, flow))
        {
            return null;
        }

        if (inTariff is not { } inQuota || rent is not { } holder || volumes is null || flow.TariffPercent is not { } over)
        {
            return null;
        }

        if (inQuota > over)
        {
            _errors.Add(inTariffField!.Value.Node, inTariffField.Value.Path,
                $"the in-quota tariff {ScalarReader.Show(inQuota)} is above the tariff of {flow.Path} (line {flow.Line}), {ScalarReader.Show(over)}, which is the over-quota tariff");
            return null;
        }

        var first = new YamlField(((YamlSequence)levelsField!.Value.Node).Items[0], DocumentPath.Index(levelsField.Value.Path, 0));
        if (flow.Quota is { } existing)
        {
            var ok = true;
            if (volumes[0] != existing.Volume)
            {
                _errors.Add(first.Node, first.Path,
                    $"the first level is the status quo and must equal the quota volume of {flow.Path} (line {flow.Line}), {ScalarReader.Show(existing.Volume)}; got {ScalarReader.Show(volumes[0])}");
                ok = false;
            }

            if (inQuota != existing.InQuotaTariffPercent)
            {
                _errors.Add(inTariffField!.Value.Node, inTariffField.Value.Path,
                    $"must equal the in-quota tariff of {flow.Path} (line {flow.Line}), {ScalarReader.Show(existing.InQuotaTariffPercent)}; got {ScalarReader.Show(inQuota)}");
                ok = false;
            }

            if (holder != existing.Rent)
            {
                _errors.Add(rentField!.Value.Node, rentField.Value.Path,
                    $"must equal the rent of the quota of {flow.Path} (line {flow.Line}), {existing.Rent.ToString().ToLowerInvariant()}");
                ok = false;
            }

            if (!ok)
            {
                return null;
            }
        }
        else if (volumes[0] != 0)
        {
            _errors.Add(first.Node, first.Path,
                $"the first level is the status quo and must be 0: {flow.Path} (line {flow.Line}) has no quota; got {ScalarReader.Show(volumes[0])}");
            return null;
        }

        _world.QuotaFloors.Add(new ScenarioWorld.QuotaFloor(
            new ScenarioWorld.FlowKey(importer, exporter, sector), inQuota, inTariffField!.Value.Path, inTariffField.Value.Node.Line));
        return new QuotaIssueSpec(importer, exporter, sector, inQuota, holder, volumes, over);
    }

    private List<double>? ReadVolumes(YamlField field)
    {
        if (field.Node is not YamlSequence items)
        {
            _errors.Add(field.Node, field.Path, $"levels must be a list of quota volumes, got {field.Node.Describe()}");
            return null;
        }

        if (items.Items.Count is < 2 or > ScenarioLimits.MaxLevelsPerIssue)
        {
            _errors.Add(field.Node, field.Path,
                $"an issue needs from 2 to {ScenarioLimits.MaxLevelsPerIssue} levels (the status quo first), got {items.Items.Count}");
            return null;
        }

        var volumes = new List<double>(items.Items.Count);
        var seen = new Dictionary<double, string>();
        var ok = true;
        for (var i = 0; i < items.Items.Count; i++)
        {
            var item = new YamlField(items.Items[i], DocumentPath.Index(field.Path, i));
            if (ScalarReader.InRange(item, _errors, ScenarioRanges.Value) is not { } volume)
            {
                ok = false;
                continue;
            }

            if (!seen.TryAdd(volume, item.Path))
            {
                _errors.Add(item.Node, item.Path, $"level {ScalarReader.Show(volume)} appears twice (also at {seen[volume]})");
                ok = false;
                continue;
            }

            volumes.Add(volume);
        }

        return ok ? volumes : null;
    }
}
