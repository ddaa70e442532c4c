using Simulation.Model.Economics;

namespace Simulation.Model.Scenarios;

/// <summary>
/// What a scenario declares (sectors, countries, trade flows), as the negotiations read it to check
/// their references. An id counts as declared even when its entry has errors of its own, so one
/// mistake is reported once rather than again at every reference.
/// </summary>
internal sealed class ScenarioWorld(InputErrorList errors, int defaultRounds, bool inUtilityUnits = false)
{
    private readonly List<YamlField> _laterCountryKeys = [];

    public int DefaultRounds { get; } = defaultRounds;

    /// <summary>Whether the scenario is in <c>units: utility</c>: no trade, only discrete issues (DESIGN §4.2).</summary>
    public bool InUtilityUnits { get; } = inUtilityUnits;

    public Dictionary<string, Sector> Sectors { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Country> Countries { get; } = new(StringComparer.Ordinal);

    public Dictionary<FlowKey, DeclaredFlow> Flows { get; } = [];

    /// <summary>The sectors linked by inputs (read before the negotiations, whose agendas group by them).</summary>
    public LinkedBlocks Blocks { get; set; } = LinkedBlocks.None;

    /// <summary>The numbers marked <c>estimate:</c>, in the order of the file.</summary>
    public List<Estimate> Estimates { get; } = [];

    /// <summary>The negotiations declared, by id, as events read them (read after the negotiations).</summary>
    public Dictionary<string, DeclaredNegotiation> Negotiations { get; } = new(StringComparer.Ordinal);

    /// <summary>The negotiations a <c>start</c> event names, even one with errors elsewhere (so that none is reported as never started).</summary>
    public HashSet<string> StartedByEvents { get; } = new(StringComparer.Ordinal);

    /// <summary>The in-quota tariffs a line can carry: its quota in <c>trade</c>, and every quota issue on it.</summary>
    public List<QuotaFloor> QuotaFloors { get; } = [];

    /// <summary>The tariffs a line can be set to besides its own: the lowest level of each tariff issue, and each <c>set-tariff</c> event.</summary>
    public List<TariffSetting> TariffSettings { get; } = [];

    /// <summary>
    /// Reports every tariff a line can be set to that is below an in-quota tariff the line can carry.
    /// A line's tariff under a tariff-rate quota is its over-quota tariff, which cannot be below the
    /// in-quota one (DESIGN §4.1). Every combination is refused, not only those a run is sure to
    /// reach: a negotiator values every outcome of its table, so a tariff level and a quota issue
    /// of the same table meet whether or not either is agreed, and which event or agreement comes
    /// first is only known by playing.
    /// </summary>
    public void CheckTariffsAgainstQuotas()
    {
        foreach (var setting in TariffSettings)
        {
            var floor = QuotaFloors
                .Where(f => f.Line == setting.Line && f.InQuotaTariffPercent > setting.TariffPercent)
                .MaxBy(f => f.InQuotaTariffPercent);
            if (floor is not null)
            {
                errors.Add(setting.At.Node, setting.At.Path,
                    $"{setting.What} {ScalarReader.Show(setting.TariffPercent)} on ({setting.Line}) is below the in-quota tariff " +
                    $"{ScalarReader.Show(floor.InQuotaTariffPercent)} of the tariff-rate quota at {floor.Path} (line {floor.SourceLine}); " +
                    "under a quota the line's tariff is the over-quota tariff, which cannot be below the in-quota one");
            }
        }
    }

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

    /// <summary>
    /// Notes a mapping key that must name a declared country, to be checked by
    /// <see cref="CheckLaterReferences"/> once every country is read: sectors come before
    /// countries in a file and name importers, and a country's partner weights may name a country
    /// declared after it.
    /// </summary>
    public void CountryKeyLater(YamlScalar key, string path) => _laterCountryKeys.Add(new YamlField(key, path));

    /// <summary>Reports every key noted by <see cref="CountryKeyLater"/> that is not a declared country.</summary>
    public void CheckLaterReferences()
    {
        foreach (var field in _laterCountryKeys)
        {
            var id = ((YamlScalar)field.Node).Value;
            if (!Countries.ContainsKey(id))
            {
                errors.Add(field.Node, field.Path, $"unknown country {Quoted.Text(id)} (declared: {Listing.Of(Countries.Keys)})");
            }
        }

        // Checked once: keys noted later (by events, read after the countries) are checked by the next call.
        _laterCountryKeys.Clear();
    }

    /// <summary>Checks that a mapping key names a declared sector (sectors are read first); reports it otherwise.</summary>
    public bool SectorKey(YamlScalar key, string path)
    {
        if (Sectors.ContainsKey(key.Value))
        {
            return true;
        }

        errors.Add(key, path, $"unknown sector {Quoted.Text(key.Value)} (declared: {Listing.Of(Sectors.Keys)})");
        return false;
    }

    /// <summary>A trade flow's identity: who imports from whom, in which sector.</summary>
    public readonly record struct FlowKey(string Importer, string Exporter, string Sector)
    {
        public override string ToString() => $"importer {Importer}, exporter {Exporter}, sector {Sector}";
    }

    /// <summary>
    /// A negotiation as events need it: its parties (null when they are in error, so that nothing is
    /// checked against them) and whether it is declared <c>start: deferred</c> (null when its
    /// <c>start:</c> is in error), with where its <c>start:</c> is written, and the issues read without
    /// error (a <c>when:</c> on its agreement must name one of its lines).
    /// </summary>
    public sealed record DeclaredNegotiation(IReadOnlyList<string>? Parties, bool? Deferred, YamlField? StartField, IReadOnlyList<IssueSpec> Issues);

    /// <summary>An in-quota tariff <paramref name="Line"/> can carry, and where it is written.</summary>
    public sealed record QuotaFloor(FlowKey Line, double InQuotaTariffPercent, string Path, int SourceLine);

    /// <summary>A tariff <paramref name="Line"/> can be set to, written at <paramref name="At"/>; <paramref name="What"/> names it in a message.</summary>
    public sealed record TariffSetting(FlowKey Line, double TariffPercent, YamlField At, string What);

    /// <summary>
    /// A row of <c>trade</c> as far as others need it: where it is, and its tariff (null when the
    /// tariff itself is in error, so that nothing is compared against it), and its tariff-rate quota if any.
    /// </summary>
    public sealed record DeclaredFlow(string Path, int Line, double? TariffPercent, TariffRateQuota? Quota = null);
}
