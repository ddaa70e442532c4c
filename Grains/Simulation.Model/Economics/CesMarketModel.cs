using Simulation.Model.Registries;

namespace Simulation.Model.Economics;

/// <summary>
/// Exact Armington CES demand in each market with infinite export supply (DESIGN §3.2 `ces`):
/// world prices stay at 1, consumer prices move with (1 + t), sources substitute with elasticity σ
/// and the composite import quantity responds to its price index with elasticity ε (see
/// <see cref="CesMarket"/>). Unlike the linear SMART form it is exact for any tariff change,
/// including a 100% surtax. Markets are independent, so producers' surplus never changes. A number
/// too large for double precision fails with <see cref="Numerics.NonFiniteResultException"/>.
/// </summary>
public sealed class CesMarketModel : ILinkedMarketModel
{
    public static CesMarketModel Instance { get; } = new();

    public string Name => "ces";

    public string Description => "exact Armington CES, one market at a time, infinite supply";

    public IReadOnlyList<EntryParameter> Parameters => [];

    public SectorSolution SolveSector(SectorMarkets sector, Func<TariffLine, double> tariffAfterPercent)
    {
        ArgumentNullException.ThrowIfNull(sector);
        var effects = new MarketEffect[sector.Markets.Count];
        for (var m = 0; m < effects.Length; m++)
        {
            var market = sector.Markets[m];
            effects[m] = Solve(market, market.TariffsAfter(tariffAfterPercent));
        }

        var worldPrices = new double[sector.Suppliers.Count];
        Array.Fill(worldPrices, 1.0);
        return FiniteSolution.Check("ces", sector, new SectorSolution(sector.Sector.Name, effects, ProducerSurplus.Supplies(sector, effects, worldPrices), [], Iterations: 0));
    }

    /// <summary>
    /// A sector of a linked block (DESIGN §3.2) under infinite supply, which is what ces assumes
    /// whatever the sector's ε_x: value added keeps its price (v̂ = 1), so a supplier that uses inputs
    /// sells at unit cost, pw = 1 − Σ a_k + Σ a_k P̂_k, passing its input costs on in full; the others
    /// keep pw = 1. Producers' surplus does not change (ΔPS = 0, as everywhere in ces).
    /// </summary>
    public SectorSolution SolveSector(SectorMarkets sector, Func<TariffLine, double> tariffAfterPercent, SectorLinkTerms links)
    {
        ArgumentNullException.ThrowIfNull(sector);
        ArgumentNullException.ThrowIfNull(links);
        var worldPrices = LinkedPrices.AtUnitCost(sector, links);
        var effects = new MarketEffect[sector.Markets.Count];
        for (var m = 0; m < effects.Length; m++)
        {
            var market = sector.Markets[m];
            var prices = market.Suppliers.Select(s => worldPrices[sector.IndexOf(s.Exporter)]).ToArray();
            effects[m] = new CesMarket(market, links.IntermediateOf(market.Importer)).Effect(market.TariffsAfter(tariffAfterPercent), prices);
        }

        var supplies = ProducerSurplus.Supplies(sector, effects, worldPrices).Select(s => s with { ProducerSurplusChange = 0 }).ToList();
        return FiniteSolution.Check("ces", sector, new SectorSolution(sector.Sector.Name, effects, supplies, [], Iterations: 0));
    }

    /// <summary>Solves one market for the given tariffs (percent, one per supplier in order).</summary>
    public static MarketEffect Solve(Market market, IReadOnlyList<double> tariffsAfterPercent)
    {
        ArgumentNullException.ThrowIfNull(market);
        var worldPrices = new double[market.Suppliers.Count];
        Array.Fill(worldPrices, 1.0);
        return new CesMarket(market).Effect(tariffsAfterPercent, worldPrices);
    }
}
