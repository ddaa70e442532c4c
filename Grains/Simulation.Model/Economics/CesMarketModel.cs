namespace Simulation.Model.Economics;

/// <summary>
/// Exact Armington CES demand in one market with infinite export supply (DESIGN §3.2 `ces`):
/// world prices stay at 1, consumer prices move with (1 + t), sources substitute with elasticity σ
/// and the composite import quantity responds to its price index with elasticity ε. Unlike the
/// linear SMART form it is exact for any tariff change, including a 100% surtax.
/// </summary>
public sealed class CesMarketModel : IMarketModel
{
    public static CesMarketModel Instance { get; } = new();

    public IReadOnlyList<MarketEffect> SolveSector(IReadOnlyList<Market> marketsOfSector, Func<TariffLine, double> tariffAfter)
    {
        var effects = new MarketEffect[marketsOfSector.Count];
        for (var m = 0; m < marketsOfSector.Count; m++)
        {
            var market = marketsOfSector[m];
            var after = new double[market.Suppliers.Count];
            for (var j = 0; j < after.Length; j++)
            {
                after[j] = tariffAfter(market.LineOf(market.Suppliers[j]));
            }

            effects[m] = Solve(market, after);
        }

        return effects;
    }

    /// <summary>Solves one market for the given tariffs (percent, one per supplier in order).</summary>
    public static MarketEffect Solve(Market market, IReadOnlyList<double> tariffsAfterPercent)
    {
        var suppliers = market.Suppliers;
        var sigma = market.Sector.SubstitutionElasticity;
        var epsilon = market.Sector.DemandElasticity;
        var n = suppliers.Count;

        // Expenditure shares at consumer prices: θ_j = M_j(1 + t0_j) / Σ_k M_k(1 + t0_k).
        var baseExpenditure = 0.0;
        for (var j = 0; j < n; j++)
        {
            baseExpenditure += suppliers[j].BaseValue * (1 + suppliers[j].BaseTariffPercent / 100);
        }

        var priceRatios = new double[n];
        for (var j = 0; j < n; j++)
        {
            priceRatios[j] = (1 + tariffsAfterPercent[j] / 100) / (1 + suppliers[j].BaseTariffPercent / 100);
        }

        var priceIndexRatio = PriceIndexRatio(suppliers, priceRatios, baseExpenditure, sigma);
        var quantityRatio = Math.Pow(priceIndexRatio, -epsilon);

        var effects = new SupplierEffect[n];
        var revenueBefore = 0.0;
        var revenueAfter = 0.0;
        for (var j = 0; j < n; j++)
        {
            var supplier = suppliers[j];
            var substitution = Math.Pow(priceRatios[j] / priceIndexRatio, -sigma);
            var valueAfter = supplier.BaseValue * substitution * quantityRatio;
            var diversion = supplier.BaseValue * (substitution - 1);
            var creation = supplier.BaseValue * substitution * (quantityRatio - 1);
            effects[j] = new SupplierEffect(
                supplier.Exporter,
                supplier.BaseTariffPercent,
                tariffsAfterPercent[j],
                supplier.BaseValue,
                valueAfter,
                creation,
                diversion,
                WorldPrice: 1);
            revenueBefore += supplier.BaseTariffPercent / 100 * supplier.BaseValue;
            revenueAfter += tariffsAfterPercent[j] / 100 * valueAfter;
        }

        return new MarketEffect(
            market.Key,
            effects,
            ConsumerSurplusChange(baseExpenditure, priceIndexRatio, epsilon),
            revenueBefore,
            revenueAfter);
    }

    /// <summary>P̂ = (Σ θ_j p̂_j^(1−σ))^(1/(1−σ)); the Cobb–Douglas limit Π p̂_j^θ_j when σ = 1.</summary>
    private static double PriceIndexRatio(IReadOnlyList<MarketSupplier> suppliers, double[] priceRatios, double baseExpenditure, double sigma)
    {
        if (baseExpenditure <= 0)
        {
            return 1;
        }

        var sum = 0.0;
        for (var j = 0; j < priceRatios.Length; j++)
        {
            var share = suppliers[j].BaseValue * (1 + suppliers[j].BaseTariffPercent / 100) / baseExpenditure;
            sum += sigma == 1 ? share * Math.Log(priceRatios[j]) : share * Math.Pow(priceRatios[j], 1 - sigma);
        }

        return sigma == 1 ? Math.Exp(sum) : Math.Pow(sum, 1 / (1 - sigma));
    }

    /// <summary>
    /// Exact change in consumer surplus under constant-elasticity import demand:
    /// ΔCS = E0 (1 − P̂^(1−ε)) / (1 − ε), and −E0 ln P̂ when ε = 1.
    /// </summary>
    private static double ConsumerSurplusChange(double baseExpenditure, double priceIndexRatio, double epsilon) =>
        epsilon == 1
            ? -baseExpenditure * Math.Log(priceIndexRatio)
            : baseExpenditure * (1 - Math.Pow(priceIndexRatio, 1 - epsilon)) / (1 - epsilon);
}
