namespace Simulation.Model.Economics;

/// <summary>
/// A market model that can solve a sector of a linked block (DESIGN §3.2 "Vertical links"): supply
/// at value-added prices and a derived demand in input markets, given the block's other sectors.
/// gsim and ces are; the linear SMART form has no producer price to net input costs out of.
/// </summary>
public interface ILinkedMarketModel : IMarketModel
{
    /// <summary><see cref="IMarketModel.SolveSector"/> with the block's terms for this sector held fixed.</summary>
    SectorSolution SolveSector(SectorMarkets sector, Func<TariffLine, double> tariffAfterPercent, SectorLinkTerms links);
}
