using Simulation.Model.Economics;

namespace Simulation.Model.Scenarios;

/// <summary>
/// A tariff-rate quota on the table (DESIGN §4.1, <c>type: trq</c>): on the line <see cref="Importer"/>
/// charges <see cref="Exporter"/> in <see cref="Sector"/>, up to a volume enters at
/// <see cref="InQuotaTariffPercent"/> and the rest at the line's own tariff (the over-quota tariff);
/// the levels are quota volumes (quantities in the scenario's unit at base world prices), the
/// status quo first: the flow's own quota volume, or 0 on a flow without a quota (a volume of 0 at
/// the over-quota tariff is no quota at all). <see cref="Rent"/> says who holds the quota rent.
/// <see cref="OverQuotaTariffPercent"/> is the flow's tariff in the trade data, which an outcome
/// reports as the over-quota tariff unless the same table sets that line's tariff too.
/// </summary>
public sealed record QuotaIssueSpec(
    string Importer,
    string Exporter,
    string Sector,
    double InQuotaTariffPercent,
    QuotaRentHolder Rent,
    IReadOnlyList<double> Volumes,
    double OverQuotaTariffPercent) : IssueSpec
{
    public override int LevelCount => Volumes.Count;

    public TariffLine Line => new(Importer, Exporter, Sector);

    /// <summary>The quota level <paramref name="level"/> stands for.</summary>
    public TariffRateQuota QuotaAt(int level) => new(Volumes[level], InQuotaTariffPercent, Rent);
}
