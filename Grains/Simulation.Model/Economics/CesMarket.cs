using Simulation.Model.Numerics;

namespace Simulation.Model.Economics;

/// <summary>
/// Armington CES import demand in one market (DESIGN §3.2), for given world prices: the algebra
/// ces and gsim share. With consumer price ratios p̂_j = pw_j (1 + t1_j)/(1 + t0_j) and base
/// expenditure shares θ_j = M_j(1 + t0_j)/E0, E0 = Σ_k M_k(1 + t0_k):
/// P̂ = (Σ_j θ_j p̂_j^(1−σ))^(1/(1−σ)) (Π_j p̂_j^θ_j when σ = 1), Q̂ = P̂^(−ε),
/// q_j = M_j (p̂_j/P̂)^(−σ) Q̂, and ΔCS = E0 (1 − P̂^(1−ε))/(1 − ε) (−E0 ln P̂ when ε = 1).
/// Exact for any price change, including 100% surtaxes. In a market for an input of a linked sector
/// (DESIGN §3.2) the composite quantity adds producers' derived demand to final buyers',
/// Q̂ = (F0 P̂^(−ε) + Σ_s a_k X0_cs X̂_cs)/E0 with F0 = E0 − I0, and ΔCS counts final buyers only (F0 for E0).
/// <para>
/// Where the market has home sales and σ_D (<see cref="Market.DomesticSubstitutionElasticity"/>) differs
/// from σ_M, demand is two-level (DESIGN §3.2, "Two-level Armington"): with θ_D the home good's share of
/// base spending and θ^M_j supplier j's share of base import spending,
/// P̂_M = (Σ_j θ^M_j p̂_j^(1−σ_M))^(1/(1−σ_M)), P̂ = (θ_D p̂_D^(1−σ_D) + (1 − θ_D) P̂_M^(1−σ_D))^(1/(1−σ_D)),
/// the home good's quantity D (p̂_D/P̂)^(−σ_D) Q̂ and an import's M_j (p̂_j/P̂_M)^(−σ_M) (P̂_M/P̂)^(−σ_D) Q̂.
/// Otherwise (σ_D = σ_M, no home sales, or no imports) it is the single nest above, computed by the
/// very same operations as before the nests existed, so that such markets give the same bits.
/// </para>
/// </summary>
internal sealed class CesMarket
{
    private readonly double[] _baseShares;
    private readonly IntermediateDemand? _intermediate;

    /// <summary>θ^M_j: each supplier's share of base import spending, 0 for the home producers; null for a single nest.</summary>
    private readonly double[]? _importShares;

    /// <summary>The home producers' position among the suppliers in a two-level market, −1 otherwise.</summary>
    private readonly int _home = -1;

    /// <summary>θ_D: the home good's share of base spending, in a two-level market.</summary>
    private readonly double _homeShare;

    /// <param name="market">The market.</param>
    /// <param name="intermediate">Producers' demand for the good as an input, in a linked block (DESIGN §3.2); null for none.</param>
    public CesMarket(Market market, IntermediateDemand? intermediate = null)
        : this(market, forceTwoLevels: false, intermediate)
    {
    }

    /// <param name="market">The market.</param>
    /// <param name="forceTwoLevels">
    /// Whether to use the two-level algebra even where σ_D = σ_M (a market with home sales and imports):
    /// for tests that the two levels then give the single nest's numbers.
    /// </param>
    /// <param name="intermediate">Producers' demand for the good as an input; null for none.</param>
    internal CesMarket(Market market, bool forceTwoLevels, IntermediateDemand? intermediate = null)
    {
        Market = market;
        Sigma = market.SubstitutionElasticity;
        Epsilon = market.DemandElasticity;
        var suppliers = market.Suppliers;
        var expenditure = 0.0;
        foreach (var supplier in suppliers)
        {
            expenditure += supplier.BaseValue * (1 + supplier.BaseTariffPercent / 100);
        }

        _baseShares = new double[suppliers.Count];
        for (var j = 0; j < _baseShares.Length; j++)
        {
            _baseShares[j] = expenditure > 0 ? suppliers[j].BaseValue * (1 + suppliers[j].BaseTariffPercent / 100) / expenditure : 0;
        }

        BaseExpenditure = expenditure;
        _intermediate = intermediate;
        FinalExpenditure = intermediate is { } derived ? expenditure - derived.BaseSpending : expenditure;
        SigmaDomestic = market.DomesticSubstitutionElasticity;
        var home = -1;
        for (var j = 0; j < suppliers.Count; j++)
        {
            if (market.IsHome(suppliers[j]))
            {
                home = j;
            }
        }

        if (home >= 0 && (SigmaDomestic != Sigma || forceTwoLevels) && _baseShares[home] > 0 && _baseShares[home] < 1)
        {
            _home = home;
            _homeShare = _baseShares[home];
            var imports = expenditure - suppliers[home].BaseValue;
            _importShares = new double[suppliers.Count];
            for (var j = 0; j < _importShares.Length; j++)
            {
                _importShares[j] = j == home ? 0 : suppliers[j].BaseValue * (1 + suppliers[j].BaseTariffPercent / 100) / imports;
            }
        }
    }

    public Market Market { get; }

    public int Count => _baseShares.Length;

    /// <summary>σ (σ_M in a two-level market), the Armington elasticity of substitution between (import) sources.</summary>
    public double Sigma { get; }

    /// <summary>σ_D, the Armington elasticity between the home good and the import composite; equal to σ in a single nest.</summary>
    public double SigmaDomestic { get; }

    /// <summary>Whether demand is two-level: home sales, imports and σ_D ≠ σ_M.</summary>
    public bool IsNested => _importShares is not null;

    /// <summary>The home producers' position among the suppliers when <see cref="IsNested"/>, −1 otherwise.</summary>
    public int Home => _home;

    /// <summary>ε, the absolute import demand elasticity of the composite.</summary>
    public double Epsilon { get; }

    /// <summary>E0 = Σ M_j(1 + t0_j): base spending at consumer prices.</summary>
    public double BaseExpenditure { get; }

    /// <summary>F0 = E0 − I0: base spending of final buyers, E0 where no producers buy this good as an input.</summary>
    public double FinalExpenditure { get; }

    /// <summary>p̂_j = pw_j (1 + t1_j)/(1 + t0_j), tariffs in percent.</summary>
    public void ConsumerPriceRatios(IReadOnlyList<double> tariffsAfterPercent, ReadOnlySpan<double> worldPrices, Span<double> ratios)
    {
        for (var j = 0; j < ratios.Length; j++)
        {
            ratios[j] = worldPrices[j] * (1 + tariffsAfterPercent[j] / 100) / (1 + Market.Suppliers[j].BaseTariffPercent / 100);
        }
    }

    /// <summary>
    /// The market's price index P̂: (Σ θ_j p̂_j^(1−σ))^(1/(1−σ)) in a single nest, the upper nest's in two.
    /// </summary>
    public double PriceIndexRatio(ReadOnlySpan<double> priceRatios) =>
        _importShares is { } importShares ? TwoLevelIndex(importShares, priceRatios, out _) : SingleNestIndex(priceRatios);

    private double SingleNestIndex(ReadOnlySpan<double> priceRatios) =>
        BaseExpenditure <= 0 ? 1 : Index(_baseShares, priceRatios, Sigma);

    /// <summary>P̂ of a two-level market, and P̂_M in <paramref name="importIndex"/>.</summary>
    private double TwoLevelIndex(double[] importShares, ReadOnlySpan<double> priceRatios, out double importIndex)
    {
        importIndex = Index(importShares, priceRatios, Sigma);
        return Index([_homeShare, 1 - _homeShare], [priceRatios[_home], importIndex], SigmaDomestic);
    }

    /// <summary>
    /// The CES price index (Σ θ_j p̂_j^(1−σ))^(1/(1−σ)) for shares θ summing to 1; the Cobb–Douglas limit
    /// Π p̂_j^θ_j when σ = 1. Computed as exp(ln(1 + s)/(1−σ)) with s = Σ θ_j (p̂_j^(1−σ) − 1) and
    /// <see cref="SmallExponents"/>, the same number without the cancellation that the direct form suffers
    /// as σ approaches 1. When s is near −1 (σ far from 1 and prices far apart) 1 + s would cancel
    /// instead, and the direct sum, then well below 1, is used.
    /// </summary>
    private static double Index(ReadOnlySpan<double> shares, ReadOnlySpan<double> priceRatios, double sigma)
    {
        var a = 1 - sigma;
        var sum = 0.0;
        for (var j = 0; j < priceRatios.Length; j++)
        {
            if (shares[j] > 0)
            {
                var logRatio = Math.Log(priceRatios[j]);
                sum += shares[j] * (a == 0 ? logRatio : SmallExponents.ExpMinusOne(a * logRatio));
            }
        }

        if (a == 0)
        {
            return Math.Exp(sum);
        }

        if (sum > -0.5)
        {
            return Math.Exp(SmallExponents.LogOnePlus(sum) / a);
        }

        var direct = 0.0;
        for (var j = 0; j < priceRatios.Length; j++)
        {
            if (shares[j] > 0)
            {
                direct += shares[j] * Math.Pow(priceRatios[j], a);
            }
        }

        return Math.Pow(direct, 1 / a);
    }

    /// <summary>
    /// The market's price index P̂, and in <paramref name="terms"/> each supplier's substitution term
    /// s_j, its quantity being M_j s_j Q̂: (p̂_j/P̂)^(−σ) in a single nest; in two levels
    /// (p̂_j/P̂_M)^(−σ_M) (P̂_M/P̂)^(−σ_D) for an import and (p̂_D/P̂)^(−σ_D) for the home good. A supplier
    /// without base sales gets a term that is not to be used. <paramref name="importIndex"/> is P̂_M in two
    /// levels and P̂ in a single nest.
    /// </summary>
    public double SubstitutionTerms(ReadOnlySpan<double> priceRatios, Span<double> terms, out double importIndex)
    {
        if (_importShares is not { } importShares)
        {
            var index = SingleNestIndex(priceRatios);
            for (var j = 0; j < terms.Length; j++)
            {
                terms[j] = Math.Pow(priceRatios[j] / index, -Sigma);
            }

            importIndex = index;
            return index;
        }

        var priceIndex = TwoLevelIndex(importShares, priceRatios, out importIndex);
        var homeRatio = priceRatios[_home];
        var composite = Math.Pow(importIndex / priceIndex, -SigmaDomestic);
        for (var j = 0; j < terms.Length; j++)
        {
            terms[j] = j == _home
                ? Math.Pow(homeRatio / priceIndex, -SigmaDomestic)
                : Math.Pow(priceRatios[j] / importIndex, -Sigma) * composite;
        }

        return priceIndex;
    }

    /// <summary>
    /// In a two-level market, ∂ln P̂/∂ln p̂_j in <paramref name="shares"/> and ∂ln P̂_M/∂ln p̂_j in
    /// <paramref name="importShares"/> (0 for the home good), at the given prices and indices: with
    /// w_D = θ_D (p̂_D/P̂)^(1−σ_D) the home good's share of spending and w^M_j = θ^M_j (p̂_j/P̂_M)^(1−σ_M)
    /// an import's share of import spending, ∂ln P̂/∂ln p̂_D = w_D and ∂ln P̂/∂ln p̂_j = (1 − w_D) w^M_j.
    /// gsim's Newton step needs them.
    /// </summary>
    public void NestedShares(ReadOnlySpan<double> priceRatios, double priceIndex, double importIndex, Span<double> shares, Span<double> importShares)
    {
        var importShares0 = _importShares ?? throw new InvalidOperationException("The market has a single nest.");
        var home = _homeShare * Math.Pow(priceRatios[_home] / priceIndex, 1 - SigmaDomestic);
        for (var j = 0; j < shares.Length; j++)
        {
            importShares[j] = importShares0[j] > 0 ? importShares0[j] * Math.Pow(priceRatios[j] / importIndex, 1 - Sigma) : 0;
            shares[j] = j == _home ? home : (1 - home) * importShares[j];
        }
    }

    /// <summary>Q̂ = P̂^(−ε): the change in the composite quantity; with producers' derived demand, (F0 P̂^(−ε) + I)/E0.</summary>
    public double QuantityRatio(double priceIndexRatio) =>
        _intermediate is { } derived
            ? (FinalExpenditure * Math.Pow(priceIndexRatio, -Epsilon) + derived.Quantity) / BaseExpenditure
            : Math.Pow(priceIndexRatio, -Epsilon);

    /// <summary>
    /// −∂ln Q̂/∂ln P̂: ε, or with derived demand (which the price index does not move, output being
    /// held) ε times final buyers' share of the quantity, ε F0 P̂^(−ε)/(F0 P̂^(−ε) + I). gsim's Newton step needs it.
    /// </summary>
    public double QuantityElasticity(double priceIndexRatio)
    {
        if (_intermediate is not { } derived)
        {
            return Epsilon;
        }

        var final = FinalExpenditure * Math.Pow(priceIndexRatio, -Epsilon);
        return Epsilon * final / (final + derived.Quantity);
    }

    /// <summary>
    /// The expenditure shares at the new prices in a single nest, w_j = θ_j p̂_j^(1−σ) / Σ_k θ_k p̂_k^(1−σ);
    /// they are ∂ln P̂/∂ln p̂_j, which gsim's Newton step needs (<see cref="NestedShares"/> in two levels).
    /// </summary>
    public void CurrentShares(ReadOnlySpan<double> priceRatios, Span<double> shares)
    {
        var total = 0.0;
        for (var j = 0; j < shares.Length; j++)
        {
            shares[j] = _baseShares[j] > 0 ? _baseShares[j] * Math.Pow(priceRatios[j], 1 - Sigma) : 0;
            total += shares[j];
        }

        for (var j = 0; j < shares.Length; j++)
        {
            shares[j] = total > 0 ? shares[j] / total : 0;
        }
    }

    /// <summary>
    /// ΔCS = E0 (1 − P̂^(1−ε))/(1 − ε), and −E0 ln P̂ when ε = 1: exact under constant-elasticity demand.
    /// Final buyers' only: F0 for E0 where producers buy the good as an input (their gain is in their own sector's surplus).
    /// Computed as −E0 (e^((1−ε) ln P̂) − 1)/(1 − ε) with <see cref="SmallExponents"/>, so that ε near 1 keeps its digits.
    /// </summary>
    public double ConsumerSurplusChange(double priceIndexRatio) =>
        Epsilon == 1
            ? -FinalExpenditure * Math.Log(priceIndexRatio)
            : -FinalExpenditure * SmallExponents.ExpMinusOne((1 - Epsilon) * Math.Log(priceIndexRatio)) / (1 - Epsilon);

    /// <summary>
    /// The market's effects at the given tariffs (percent, per supplier) and world prices (per
    /// supplier): quantities q_j, values pw_j q_j, tariff revenue Σ t1_j pw_j q_j, ΔCS, and the
    /// split of each quantity change into diversion M_j(s_j − 1) and creation M_j s_j(Q̂ − 1).
    /// </summary>
    public MarketEffect Effect(IReadOnlyList<double> tariffsAfterPercent, ReadOnlySpan<double> worldPrices)
    {
        var suppliers = Market.Suppliers;
        Span<double> ratios = suppliers.Count <= 64 ? stackalloc double[suppliers.Count] : new double[suppliers.Count];
        Span<double> terms = suppliers.Count <= 64 ? stackalloc double[suppliers.Count] : new double[suppliers.Count];
        ConsumerPriceRatios(tariffsAfterPercent, worldPrices, ratios);
        var priceIndexRatio = SubstitutionTerms(ratios, terms, out _);
        var quantityRatio = QuantityRatio(priceIndexRatio);

        var effects = new SupplierEffect[suppliers.Count];
        var revenueBefore = 0.0;
        var revenueAfter = 0.0;
        for (var j = 0; j < effects.Length; j++)
        {
            var supplier = suppliers[j];
            var substitution = supplier.BaseValue > 0 ? terms[j] : 0;
            var quantity = supplier.BaseValue * substitution * quantityRatio;
            var value = worldPrices[j] * quantity;
            effects[j] = new SupplierEffect(
                supplier.Exporter,
                supplier.BaseTariffPercent,
                tariffsAfterPercent[j],
                supplier.BaseValue,
                value,
                quantity,
                Creation: supplier.BaseValue * substitution * (quantityRatio - 1),
                Diversion: supplier.BaseValue * (substitution - 1),
                worldPrices[j]);
            revenueBefore += supplier.BaseTariffPercent / 100 * supplier.BaseValue;
            revenueAfter += tariffsAfterPercent[j] / 100 * value;
        }

        return new MarketEffect(Market.Key, effects, ConsumerSurplusChange(priceIndexRatio), revenueBefore, revenueAfter) { BuyersPriceIndex = priceIndexRatio };
    }
}
