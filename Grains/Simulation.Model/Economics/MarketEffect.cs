namespace Simulation.Model.Economics;

/// <summary>
/// What a tariff change does to one market: every supplier's effect (home producers included when
/// the scenario has domestic sales), the change in consumer surplus and tariff revenue before and
/// after (in the scenario's unit). <see cref="ConsumerSurplusChange"/> + <see cref="TariffRevenueChange"/>
/// is the importer's welfare from this market, producers aside.
/// </summary>
public sealed record MarketEffect(
    MarketKey Key,
    IReadOnlyList<SupplierEffect> Suppliers,
    double ConsumerSurplusChange,
    double TariffRevenueBefore,
    double TariffRevenueAfter)
{
    public double TariffRevenueChange => TariffRevenueAfter - TariffRevenueBefore;

    /// <summary>Why the market's numbers (ΔCS, ΔTR) are not valid, or null: they rest on suppliers' values that are not (see <see cref="SupplierEffect.InvalidReason"/>).</summary>
    public string? InvalidReason { get; init; }

    public bool IsValid => InvalidReason is null;

    /// <summary>P̂: the buyers' price index of the market, new over base (tariffs included); linked sectors' producers pay it for inputs (DESIGN §3.2).</summary>
    public double BuyersPriceIndex { get; init; } = 1;
}
