namespace Simulation.Model.Economics;

/// <summary>
/// What a tariff change does to one market: every supplier's effect, the change in consumer
/// surplus and tariff revenue before and after (in the scenario's unit).
/// </summary>
public sealed record MarketEffect(
    MarketKey Key,
    IReadOnlyList<SupplierEffect> Suppliers,
    double ConsumerSurplusChange,
    double TariffRevenueBefore,
    double TariffRevenueAfter)
{
    public double TariffRevenueChange => TariffRevenueAfter - TariffRevenueBefore;
}
