namespace Simulation.Model.Economics;

/// <summary>
/// A supplier of a sector after a tariff change: base sales X0 and sales after (quantities, all
/// markets together, sales elsewhere included), its world price pw (1 in the base) and the change in
/// its producers' surplus ΔPS = X0 (pw^(1+ε_x) − 1)/(1 + ε_x), 0 where supply is infinite or the model
/// keeps world prices. For a supplier with a total (<c>supply:</c>, DESIGN §3.2) X0 is that total T,
/// and <see cref="ElsewhereBefore"/> and <see cref="ElsewhereAfter"/> are the values of its sales in the
/// residual market at world prices, R0 and pw·R; both are 0 for a supplier selling only in the markets listed.
/// </summary>
public sealed record SupplierSupply(
    string Supplier,
    double BaseSales,
    double SalesAfter,
    double WorldPrice,
    double ProducerSurplusChange)
{
    /// <summary>R0: the value (and quantity) of its base sales outside the markets listed.</summary>
    public double ElsewhereBefore { get; init; }

    /// <summary>pw·R: the value at world prices of its sales outside the markets listed, after.</summary>
    public double ElsewhereAfter { get; init; }
}
