namespace Simulation.Model.Gravity;

/// <summary>
/// How the trade imbalances observed in the baseline carry into the counterfactual, as in the
/// <c>ge_gravity</c> Stata command (Zylkin 2019; Baier, Yotov &amp; Zylkin 2019, §6).
/// With D_j = E_j − Y_j the baseline deficit of country j (expenditure minus output):
/// </summary>
public enum TradeImbalances
{
    /// <summary>
    /// The deficit is a fixed amount added to expenditure: E′_j = Y_j·ŵ_j + D_j (ge_gravity's default,
    /// used when its <c>multiplicative</c> option is absent).
    /// </summary>
    Additive,

    /// <summary>
    /// Expenditure is a fixed multiple of output: E′_j = (Y_j + D_j)·ŵ_j = E_j·ŵ_j
    /// (ge_gravity's <c>multiplicative</c> option, as in Anderson &amp; Yotov 2016).
    /// </summary>
    Multiplicative,
}
