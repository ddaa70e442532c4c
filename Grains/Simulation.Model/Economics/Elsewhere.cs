using Simulation.Model.Scenarios;

namespace Simulation.Model.Economics;

/// <summary>
/// A supplier's residual market (DESIGN §3.2, "A complete world"): what it sells outside the markets a
/// scenario lists, R0 = T − S at base prices, with demand R = R0 · pw^(−ε_R). It absorbs supply diverted
/// from the listed markets, so a supplier's world price falls less than if the few markets modelled
/// were all it sold in. Nobody's surplus is counted for it: its buyers are outside the scenario.
/// </summary>
/// <param name="Total">T: all the supplier's base sales of the sector.</param>
/// <param name="BaseSales">R0 = T − S: base sales elsewhere (quantities, world prices being 1 in the base).</param>
/// <param name="DemandElasticity">ε_R: the residual market's demand elasticity (absolute value).</param>
public sealed record Elsewhere(double Total, double BaseSales, double DemandElasticity)
{
    /// <summary>R = R0 · pw^(−ε_R): the quantity sold elsewhere at world price <paramref name="worldPrice"/>.</summary>
    public double Quantity(double worldPrice) => worldPrice == 1 ? BaseSales : BaseSales * Math.Pow(worldPrice, -DemandElasticity);

    /// <summary>
    /// The residual market of a <c>supply:</c> row whose supplier sells <paramref name="listedSales"/> in the
    /// markets listed; ε_R is the row's or <paramref name="sectorDemandElasticity"/>. A total equal to the
    /// listed sales up to rounding leaves nothing elsewhere: T is then S, and the supplier is as without a row.
    /// </summary>
    public static Elsewhere? Of(TotalSales row, double listedSales, double sectorDemandElasticity)
    {
        ArgumentNullException.ThrowIfNull(row);
        var rest = row.Total - listedSales;
        return rest > RoundingTolerance * row.Total
            ? new Elsewhere(row.Total, rest, row.ElsewhereElasticity ?? sectorDemandElasticity)
            : null;
    }

    /// <summary>Below this share of T, T − S is rounding in the sum of the rows (the scenario loader allows T that far below S).</summary>
    internal const double RoundingTolerance = 1e-12;
}
