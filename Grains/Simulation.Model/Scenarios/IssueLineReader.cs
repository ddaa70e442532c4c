namespace Simulation.Model.Scenarios;

/// <summary>
/// What tariff and quota issues share: an importer and an exporter among the negotiation's parties,
/// a declared sector, the trade flow they name, and at most one issue of a kind per flow.
/// </summary>
internal sealed class IssueLineReader(PartyList? parties, ScenarioWorld world, InputErrorList errors)
{
    private readonly Dictionary<ScenarioWorld.FlowKey, string> _seen = [];

    /// <summary>The importer, exporter (with its field, where a same-party error is reported) and sector; null where in error.</summary>
    public (string? Importer, string? Exporter, YamlField? ExporterField, string? Sector) ReadLine(MappingFields fields)
    {
        var importer = fields.Required("importer") is { } im ? ReadParty(im) : null;
        var exporterField = fields.Required("exporter");
        var exporter = exporterField is { } ex ? ReadParty(ex) : null;
        var sector = fields.Required("sector") is { } se ? world.SectorReference(se) : null;
        return (importer, exporter, exporterField, sector);
    }

    /// <summary>
    /// The flow an issue read at <paramref name="field"/> is on, or null after reporting why there is
    /// none: the same party on both sides, a part in error, a second issue of this kind on the flow
    /// (<paramref name="duplicate"/>), or no such flow in trade (<paramref name="missing"/>).
    /// </summary>
    public (string Importer, string Exporter, string Sector, ScenarioWorld.DeclaredFlow Flow)? Locate(
        YamlField field, (string? Importer, string? Exporter, YamlField? ExporterField, string? Sector) line, string duplicate, string missing)
    {
        if (line.Importer is not null && line.Exporter is not null && line.Importer == line.Exporter && line.ExporterField is { } sameField)
        {
            errors.Add(sameField.Node, sameField.Path, $"importer and exporter are both {Quoted.Text(line.Importer)}; they must be two different parties");
            return null;
        }

        if (line.Importer is not { } importer || line.Exporter is not { } exporter || line.Sector is not { } sector)
        {
            return null;
        }

        var key = new ScenarioWorld.FlowKey(importer, exporter, sector);
        if (_seen.TryGetValue(key, out var firstPath))
        {
            errors.Add(field.Node, field.Path, $"this negotiation already has {duplicate} on ({key}): {firstPath}");
            return null;
        }

        _seen.Add(key, field.Path);
        if (!world.Flows.TryGetValue(key, out var flow))
        {
            errors.Add(field.Node, field.Path, $"no trade flow ({key}) in trade; {missing}");
            return null;
        }

        return (importer, exporter, sector, flow);
    }

    private string? ReadParty(YamlField field)
    {
        var id = world.CountryReference(field);
        if (id is not null && parties is not null && !parties.Contains(id))
        {
            errors.Add(field.Node, field.Path, $"{Quoted.Text(id)} is not a party of this negotiation (parties: {Listing.Of(parties.Ordered)})");
            return null;
        }

        return id;
    }
}
