namespace Simulation.Model.Economics;

/// <summary>
/// A market model's answer for one sector: each market's effects, each supplier's world price and
/// producer-surplus change, the warnings the model raised (such as SMART predicting negative
/// imports; never silently corrected) and the iterations its solver took (0 for closed forms).
/// </summary>
public sealed record SectorSolution(
    string Sector,
    IReadOnlyList<MarketEffect> Markets,
    IReadOnlyList<SupplierSupply> Suppliers,
    IReadOnlyList<string> Warnings,
    int Iterations)
{
    /// <summary>The supplier <paramref name="supplier"/>, or null if it does not sell in this sector.</summary>
    public SupplierSupply? SupplierOf(string supplier)
    {
        foreach (var s in Suppliers)
        {
            if (s.Supplier == supplier)
            {
                return s;
            }
        }

        return null;
    }
}
