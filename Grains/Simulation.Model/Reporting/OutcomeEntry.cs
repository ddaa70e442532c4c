using System.Text.Json.Serialization;

namespace Simulation.Model.Reporting;

/// <summary>
/// One issue of an outcome as a person reads it (DESIGN §6.2), never as a level index: for a tariff
/// issue the line and its tariff in percent (<c>{importer, exporter, sector, tariff}</c>), for a
/// tariff-rate quota the line, its volume and its in- and over-quota tariffs
/// (<c>{importer, exporter, sector, quota, in_quota_tariff, over_quota_tariff}</c>), for a
/// discrete issue its name and the value chosen (<c>{issue, value}</c>). The fields of the other
/// kinds are null and left out of the JSON. Build entries with <see cref="ForTariff"/>,
/// <see cref="ForQuota"/> and <see cref="ForDiscrete"/>; the run's outcomes are translated in one place, <c>OutcomeEntries</c>.
/// </summary>
public sealed record OutcomeEntry(
    string? Importer,
    string? Exporter,
    string? Sector,
    double? Tariff,
    string? Issue,
    string? Value)
{
    public double? Quota { get; init; }

    public double? InQuotaTariff { get; init; }

    public double? OverQuotaTariff { get; init; }

    /// <summary>A tariff issue: the tariff (percent) the importer charges the exporter in the sector.</summary>
    public static OutcomeEntry ForTariff(string importer, string exporter, string sector, double tariff) =>
        new(importer, exporter, sector, tariff, null, null);

    /// <summary>A tariff-rate quota issue: the volume on the line, in-quota and over-quota tariffs in percent.</summary>
    public static OutcomeEntry ForQuota(string importer, string exporter, string sector, double quota, double inQuotaTariff, double overQuotaTariff) =>
        new(importer, exporter, sector, null, null, null) { Quota = quota, InQuotaTariff = inQuotaTariff, OverQuotaTariff = overQuotaTariff };

    /// <summary>A discrete issue: its name and the value chosen.</summary>
    public static OutcomeEntry ForDiscrete(string issue, string value) => new(null, null, null, null, issue, value);

    /// <summary>Whether this is a tariff issue's entry (not written: the fields present say so).</summary>
    [JsonIgnore]
    public bool IsTariff => Tariff is not null;

    /// <summary>Whether this is a tariff-rate quota issue's entry.</summary>
    [JsonIgnore]
    public bool IsQuota => Quota is not null;
}
