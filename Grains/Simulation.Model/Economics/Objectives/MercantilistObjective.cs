namespace Simulation.Model.Economics.Objectives;

/// <summary>
/// Krugman's "GATT-think" (Krugman 1997, "What should trade negotiators negotiate about?"):
/// U_c = Σ_p ΔX_c,p − ΔM_c, exports are gains and imports concessions, both at world prices.
/// Partner weights ω are not modelled yet: every partner counts 1.
/// </summary>
public sealed class MercantilistObjective : IObjective
{
    public static MercantilistObjective Instance { get; } = new();

    public double Value(string country, IEnumerable<MarketEffect> effects)
    {
        var value = 0.0;
        foreach (var market in effects)
        {
            var imports = market.Key.Importer == country;
            foreach (var supplier in market.Suppliers)
            {
                if (supplier.Exporter == country)
                {
                    // Home sales are not exports; in a market abroad they are.
                    if (!imports)
                    {
                        value += supplier.ValueChange;
                    }
                }
                else if (imports)
                {
                    value -= supplier.ValueChange;
                }
            }
        }

        return value;
    }
}
