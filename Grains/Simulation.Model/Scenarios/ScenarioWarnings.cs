using System.Globalization;
using Simulation.Model.Economics;

namespace Simulation.Model.Scenarios;

/// <summary>
/// What a valid scenario says that is probably not what its author means, for <c>validate</c> to print.
/// Warnings describe the scenario; they never change a run or its outcome.
/// </summary>
public static class ScenarioWarnings
{
    /// <summary>
    /// The warnings of <paramref name="scenario"/>, in the order of its sectors and suppliers (DESIGN §3.2,
    /// "A complete world"): under gsim, every supplier with finite supply and no <c>supply:</c> total, whose
    /// whole output would then be the few markets modelled, exaggerating its terms of trade; under a model
    /// that keeps world prices at 1 (ces, with infinite supply; smart, whose supply elasticity only damps
    /// trade creation), every total that gsim would give sales elsewhere, since it changes nothing there.
    /// </summary>
    public static IReadOnlyList<string> Of(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var warnings = new List<string>();
        var world = World.FromScenario(scenario);
        var finiteSupply = scenario.Model is GsimMarketModel;
        foreach (var name in world.Sectors)
        {
            var sector = world.MarketsOf(name);
            var supplyElasticity = sector.Sector.SupplyElasticity;
            if (double.IsPositiveInfinity(supplyElasticity))
            {
                continue;
            }

            for (var k = 0; k < sector.Suppliers.Count; k++)
            {
                var supplier = sector.Suppliers[k];
                var total = scenario.Supply.Any(s => s.Country == supplier && s.Sector == name);
                if (finiteSupply && !total && sector.ListedSales(k) > 0)
                {
                    warnings.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{supplier} supplies {name} with finite supply (ε_x = {supplyElasticity:R}) and has no supply: total, so its whole output " +
                        $"would be the few markets modelled ({sector.ListedSales(k):R} in the scenario's units), which exaggerates how far its world price moves; " +
                        $"give its total sales with {{ country: {supplier}, sector: {name}, total: ... }} under supply:"));
                }
                else if (!finiteSupply && sector.ElsewhereOf(k) is { } elsewhere)
                {
                    warnings.Add(string.Create(CultureInfo.InvariantCulture,
                        $"model {scenario.Model.Name} keeps world prices at 1, so the supply: total of {supplier} in {name} changes nothing " +
                        $"(under gsim it would sell {elsewhere.BaseSales:R} elsewhere)"));
                }
            }
        }

        return warnings;
    }
}
