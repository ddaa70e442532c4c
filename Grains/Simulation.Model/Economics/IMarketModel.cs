namespace Simulation.Model.Economics;

/// <summary>
/// Turns a tariff schedule into trade flows, sector by sector. The unit is the sector because a
/// model with finite export supply couples all markets of a sector through world prices; a model
/// without (ces) solves each market on its own.
/// </summary>
public interface IMarketModel
{
    /// <summary>The effects, relative to the base data, of the tariffs <paramref name="tariffAfter"/> gives (percent) in every market of one sector.</summary>
    IReadOnlyList<MarketEffect> SolveSector(IReadOnlyList<Market> marketsOfSector, Func<TariffLine, double> tariffAfter);
}
