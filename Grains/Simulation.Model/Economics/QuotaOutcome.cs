namespace Simulation.Model.Economics;

/// <summary>
/// A tariff-rate quota's result in one market, for a line with a quota after or in the base data.
/// After: its state, the tariff equivalent that priced the supplier (percent; the in-quota tariff
/// when not binding, the over-quota tariff when filled, in between when binding), the fill rate
/// min(q, volume)/volume and the rent min(q, volume) × pw × (tariff equivalent − in-quota tariff),
/// which is volume × (domestic price − pw (1 + in-quota tariff)) when the quota binds. Before: the
/// base data's quota, if any, and its rent at world price 1.
/// </summary>
public sealed record QuotaOutcome(
    TariffRateQuota? Quota,
    double OverQuotaTariffPercent,
    QuotaState? State,
    double TariffEquivalentPercent,
    double FillRate,
    double RentAfter,
    TariffRateQuota? BaseQuota,
    double RentBefore)
{
    /// <summary>The rent the exporter holds after (0 when the importer auctions the licences).</summary>
    public double ExporterRentAfter => Quota?.Rent == QuotaRentHolder.Exporter ? RentAfter : 0;

    /// <summary>The rent the exporter held in the base data.</summary>
    public double ExporterRentBefore => BaseQuota?.Rent == QuotaRentHolder.Exporter ? RentBefore : 0;

    public double ExporterRentChange => ExporterRentAfter - ExporterRentBefore;
}
