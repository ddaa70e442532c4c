namespace Simulation.Model.Economics;

/// <summary>
/// Producers' surplus under a constant-elasticity supply curve X = X0 · pw^ε_x (GSIM, Francois
/// &amp; Hall): the area left of the curve between the base price 1 and pw,
/// ΔPS = ∫_1^pw X0 p^ε_x dp = X0 (pw^(1+ε_x) − 1)/(1 + ε_x). Infinite supply keeps pw at 1: no change.
/// </summary>
public static class ProducerSurplus
{
    public static double Change(double baseSales, double worldPrice, double supplyElasticity) =>
        double.IsPositiveInfinity(supplyElasticity) || worldPrice == 1
            ? 0
            : baseSales * (Math.Pow(worldPrice, 1 + supplyElasticity) - 1) / (1 + supplyElasticity);

    /// <summary>
    /// Every supplier of <paramref name="sector"/> after: sales summed over the markets' effects and,
    /// for a supplier with sales elsewhere, its residual market R0 pw^(−ε_R) (DESIGN §3.2); its world
    /// price (in <see cref="SectorMarkets.Suppliers"/> order) and ΔPS over all its sales, T. A supplier that uses
    /// inputs (<paramref name="links"/>, DESIGN §3.2) earns the surplus on value added, whose price is
    /// v̂ and whose base is (1 − Σ_k a_k) T: ΔPS = (1 − Σ a_k) T (v̂^(1+ε_x) − 1)/(1 + ε_x).
    /// </summary>
    internal static IReadOnlyList<SupplierSupply> Supplies(SectorMarkets sector, IReadOnlyList<MarketEffect> markets, ReadOnlySpan<double> worldPrices, SectorLinkTerms? links = null)
    {
        var sales = new double[sector.Suppliers.Count];
        foreach (var market in markets)
        {
            foreach (var supplier in market.Suppliers)
            {
                sales[sector.IndexOf(supplier.Exporter)] += supplier.QuantityAfter;
            }
        }

        var supplies = new SupplierSupply[sales.Length];
        for (var k = 0; k < supplies.Length; k++)
        {
            var baseSales = sector.BaseSales(k);
            var elsewhere = sector.ElsewhereOf(k);
            var soldElsewhere = elsewhere?.Quantity(worldPrices[k]) ?? 0;
            var surplus = links?.InputCostOf(sector.Suppliers[k]) is { } cost
                ? Change((1 - cost.ShareSum) * baseSales, cost.ValueAddedPrice(worldPrices[k]), sector.Sector.SupplyElasticity)
                : Change(baseSales, worldPrices[k], sector.Sector.SupplyElasticity);
            supplies[k] = new SupplierSupply(sector.Suppliers[k], baseSales, sales[k] + soldElsewhere, worldPrices[k], surplus)
            {
                ElsewhereBefore = elsewhere?.BaseSales ?? 0,
                ElsewhereAfter = worldPrices[k] * soldElsewhere,
            };
        }

        return supplies;
    }
}
