using Simulation.Model.Registries;

namespace Simulation.Model.Economics;

/// <summary>
/// Turns a tariff schedule into trade flows, sector by sector. The unit is the sector because a
/// model with finite export supply (gsim) couples all markets of a sector through suppliers' world
/// prices; the others (ces, smart) solve each market on its own. Sectors never interact, which is
/// what keeps negotiators' utilities additive across sectors (DESIGN §4.2). A model is the entry of
/// <see cref="MarketModels"/> a scenario holds; its name is what outcomes write.
/// </summary>
public interface IMarketModel : IRegistryEntry
{
    /// <summary>
    /// The effects, relative to the base data, of the tariffs <paramref name="tariffAfterPercent"/>
    /// gives (percent) on the import lines of one sector. Home producers face no tariff and are not asked for one.
    /// </summary>
    SectorSolution SolveSector(SectorMarkets sector, Func<TariffLine, double> tariffAfterPercent);
}
