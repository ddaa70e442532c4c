namespace Simulation.Model.Gravity;

/// <summary>
/// The outcome of <see cref="GeneralEquilibriumGravity.Solve"/>.
/// </summary>
/// <param name="Theta">The trade elasticity θ used.</param>
/// <param name="Imbalances">How baseline trade imbalances were carried into the counterfactual.</param>
/// <param name="Iterations">Fixed-point iterations performed.</param>
/// <param name="Converged">
/// Whether max |Δ ln X_ij| between the last two iterations fell to the tolerance. When false the numbers
/// are those of the last iteration and must not be presented as an equilibrium.
/// </param>
/// <param name="MaxLogChange">max |Δ ln X_ij| over positive flows at the last iteration.</param>
/// <param name="Countries">Welfare change per country, ordered by id (ordinal).</param>
/// <param name="Flows">Every flow before and after, ordered by exporter then importer (ordinal).</param>
public sealed record GravityResult(
    double Theta,
    TradeImbalances Imbalances,
    int Iterations,
    bool Converged,
    double MaxLogChange,
    IReadOnlyList<CountryWelfare> Countries,
    IReadOnlyList<FlowChange> Flows);
