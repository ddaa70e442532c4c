using System.Globalization;

namespace Simulation.Model.Economics;

/// <summary>World prices of a sector of a linked block (DESIGN §3.2), where suppliers that use inputs sell at value-added prices.</summary>
internal static class LinkedPrices
{
    /// <summary>
    /// Every supplier's world price where value added keeps its base price (v̂ = 1): unit cost,
    /// 1 − Σ a_k + Σ a_k P̂_k, for a supplier with inputs and base sales; 1 for the others. Where supply
    /// is infinite this is the answer; gsim starts its search here otherwise.
    /// </summary>
    public static double[] AtUnitCost(SectorMarkets sector, SectorLinkTerms? links)
    {
        var prices = new double[sector.Suppliers.Count];
        for (var k = 0; k < prices.Length; k++)
        {
            prices[k] = links?.InputCostOf(sector.Suppliers[k]) is { } cost && sector.BaseSales(k) > 0 ? cost.UnitCost : 1;
        }

        return prices;
    }

    /// <summary>
    /// DESIGN §3.2: the price of value added must stay above 0; a solve where it does not (input costs
    /// at or above the world price) is an error naming the sector, not numbers to read.
    /// </summary>
    public static void RequirePositiveValueAdded(string model, SectorMarkets sector, SectorLinkTerms links, IReadOnlyList<double> worldPrices, int iterations)
    {
        for (var k = 0; k < worldPrices.Count; k++)
        {
            if (sector.BaseSales(k) > 0 && links.InputCostOf(sector.Suppliers[k]) is { } cost && !(cost.ValueAddedPrice(worldPrices[k]) > 0))
            {
                throw new EquilibriumNotFoundException(sector.Sector.Name, iterations, double.NaN, string.Create(CultureInfo.InvariantCulture,
                    $"{model} found no equilibrium in sector {sector.Sector.Name}: the value-added price of {sector.Suppliers[k]}'s producers " +
                    $"is {cost.ValueAddedPrice(worldPrices[k]):g4}, not above 0: their inputs cost {cost.CostIndex:g6} per unit of base output, " +
                    $"at or above the world price {worldPrices[k]:g6} (DESIGN §3.2 needs v̂ > 0)."));
            }
        }
    }
}
