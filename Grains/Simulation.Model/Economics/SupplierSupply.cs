namespace Simulation.Model.Economics;

/// <summary>
/// A supplier of a sector after a tariff change: base sales X0 and sales after (quantities, all
/// markets together), its world price pw (1 in the base) and the change in its producers' surplus
/// ΔPS = X0 (pw^(1+ε_x) − 1)/(1 + ε_x), 0 where supply is infinite or the model keeps world prices.
/// </summary>
public sealed record SupplierSupply(
    string Supplier,
    double BaseSales,
    double SalesAfter,
    double WorldPrice,
    double ProducerSurplusChange);
