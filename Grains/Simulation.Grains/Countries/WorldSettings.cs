using Simulation.Grains.Abstractions.Countries;
using Simulation.Model.Economics;
using Simulation.Model.Scenarios;

namespace Simulation.Grains.Countries;

/// <summary>
/// The one translation between the world's changes and their message forms: a scenario's base
/// world with the tariffs and tariff-rate quotas set so far, and a quota change as a message.
/// Tariffs and quotas are separate settings of a line, so the two lists apply independently.
/// </summary>
public static class WorldSettings
{
    public static World Apply(Scenario scenario, IEnumerable<TariffSetting> tariffs, IEnumerable<QuotaSetting> quotas) =>
        World.FromScenario(scenario)
            .With(tariffs.Select(t => new TariffChange(new TariffLine(t.Importer, t.Exporter, t.Sector), t.TariffPercent)))
            .WithQuotas(quotas.Select(q => new QuotaChange(
                new TariffLine(q.Importer, q.Exporter, q.Sector),
                new TariffRateQuota(q.Volume, q.InQuotaTariffPercent, q.RentToExporter ? QuotaRentHolder.Exporter : QuotaRentHolder.Importer))));

    public static QuotaSetting ToSetting(QuotaChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var quota = change.Quota ?? throw new ArgumentException($"An agreement puts a quota on {change.Line}; it never removes one.", nameof(change));
        return new QuotaSetting(change.Line.Importer, change.Line.Exporter, change.Line.Sector, quota.Volume, quota.InQuotaTariffPercent, quota.Rent == QuotaRentHolder.Exporter);
    }
}
