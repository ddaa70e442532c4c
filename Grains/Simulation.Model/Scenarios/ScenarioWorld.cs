namespace Simulation.Model.Scenarios;

/// <summary>
/// What a scenario declares (sectors, countries, trade flows), as the negotiations read it to check
/// their references. An id counts as declared even when its entry has errors of its own, so one
/// mistake is reported once rather than again at every reference.
/// </summary>
internal sealed class ScenarioWorld(InputErrorList errors, int defaultRounds)
{
    public int DefaultRounds { get; } = defaultRounds;

    public Dictionary<string, Sector> Sectors { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Country> Countries { get; } = new(StringComparer.Ordinal);

    public Dictionary<FlowKey, DeclaredFlow> Flows { get; } = [];

    /// <summary>Reads a reference to a declared country; null (and an error) if it is not one.</summary>
    public string? CountryReference(YamlField field)
    {
        var id = ScalarReader.Text(field, errors);
        if (id is not null && !Countries.ContainsKey(id))
        {
            errors.Add(field.Node, field.Path, $"unknown country {Quoted.Text(id)} (declared: {Listing.Of(Countries.Keys)})");
            return null;
        }

        return id;
    }

    /// <summary>Reads a reference to a declared sector; null (and an error) if it is not one.</summary>
    public string? SectorReference(YamlField field)
    {
        var name = ScalarReader.Text(field, errors);
        if (name is not null && !Sectors.ContainsKey(name))
        {
            errors.Add(field.Node, field.Path, $"unknown sector {Quoted.Text(name)} (declared: {Listing.Of(Sectors.Keys)})");
            return null;
        }

        return name;
    }

    /// <summary>A trade flow's identity: who imports from whom, in which sector.</summary>
    public readonly record struct FlowKey(string Importer, string Exporter, string Sector)
    {
        public override string ToString() => $"importer {Importer}, exporter {Exporter}, sector {Sector}";
    }

    /// <summary>
    /// A row of <c>trade</c> as far as others need it: where it is, and its tariff (null when the
    /// tariff itself is in error, so that nothing is compared against it).
    /// </summary>
    public sealed record DeclaredFlow(string Path, int Line, double? TariffPercent);
}
