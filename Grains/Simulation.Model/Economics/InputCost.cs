namespace Simulation.Model.Economics;

/// <summary>
/// What inputs cost one supplier of a linked sector (DESIGN §3.2): <see cref="ShareSum"/> = Σ_k a_k,
/// and <see cref="CostIndex"/> = Σ_k a_k P̂_ck, the input bill per unit of base output value at the
/// buyers' price indices of the supplier's own markets for its inputs.
/// </summary>
public readonly record struct InputCost(double ShareSum, double CostIndex)
{
    /// <summary>v̂ = (pw − Σ a_k P̂_ck)/(1 − Σ a_k): the price of value added, 1 in the base.</summary>
    public double ValueAddedPrice(double worldPrice) => (worldPrice - CostIndex) / (1 - ShareSum);

    /// <summary>
    /// ∂ln v̂/∂ln pw = pw/(pw − Σ a_k P̂_ck): how much faster than the world price value added moves,
    /// which gsim's Newton step needs.
    /// </summary>
    public double ValueAddedElasticity(double worldPrice) => worldPrice / (worldPrice - CostIndex);

    /// <summary>The world price at which v̂ = 1: unit cost, 1 − Σ a_k + Σ a_k P̂_ck. Where supply is infinite it is the world price.</summary>
    public double UnitCost => 1 - ShareSum + CostIndex;
}
