using Simulation.Grains.Abstractions.Countries;
using Simulation.Model.Economics;
using Simulation.Model.Runs;
using Simulation.Model.Scenarios;

namespace Simulation.Grains.Countries;

/// <summary>
/// The one translation between the world's changes and their message forms: the messages a country
/// grain receives turned back into the agreed world (<see cref="AgreedWorld"/>), and a quota change as a message.
/// </summary>
public static class WorldSettings
{
    public static World Apply(Scenario scenario, IEnumerable<TariffSetting> tariffs, IEnumerable<QuotaSetting> quotas) =>
        AgreedWorld.Of(
            scenario,
            tariffs.Select(t => new TariffChange(new TariffLine(t.Importer, t.Exporter, t.Sector), t.TariffPercent)),
            quotas.Select(q => new QuotaChange(
                new TariffLine(q.Importer, q.Exporter, q.Sector),
                new TariffRateQuota(q.Volume, q.InQuotaTariffPercent, q.RentToExporter ? QuotaRentHolder.Exporter : QuotaRentHolder.Importer))));

    public static QuotaSetting ToSetting(QuotaChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var quota = change.Quota ?? throw new ArgumentException($"An agreement puts a quota on {change.Line}; it never removes one.", nameof(change));
        return new QuotaSetting(change.Line.Importer, change.Line.Exporter, change.Line.Sector, quota.Volume, quota.InQuotaTariffPercent, quota.Rent == QuotaRentHolder.Exporter);
    }
}
