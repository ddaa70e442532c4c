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
/// </summary>
internal sealed class CesMarket
{
    private readonly double[] _baseShares;
    private readonly IntermediateDemand? _intermediate;

    public CesMarket(Market market, IntermediateDemand? intermediate = null)
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
    }

    public Market Market { get; }

    public int Count => _baseShares.Length;

    /// <summary>σ, the Armington elasticity of substitution between sources.</summary>
    public double Sigma { get; }

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
    /// P̂ = (Σ θ_j p̂_j^(1−σ))^(1/(1−σ)); the Cobb–Douglas limit Π p̂_j^θ_j when σ = 1. Computed, since
    /// Σ θ_j = 1, as exp(ln(1 + s)/(1−σ)) with s = Σ θ_j (p̂_j^(1−σ) − 1) and <see cref="SmallExponents"/>,
    /// the same number without the cancellation that the direct form suffers as σ approaches 1. When
    /// s is near −1 (σ far from 1 and prices far apart) 1 + s would cancel instead, and the direct sum,
    /// then well below 1, is used.
    /// </summary>
    public double PriceIndexRatio(ReadOnlySpan<double> priceRatios)
    {
        if (BaseExpenditure <= 0)
        {
            return 1;
        }

        var a = 1 - Sigma;
        var sum = 0.0;
        for (var j = 0; j < priceRatios.Length; j++)
        {
            if (_baseShares[j] > 0)
            {
                var logRatio = Math.Log(priceRatios[j]);
                sum += _baseShares[j] * (a == 0 ? logRatio : SmallExponents.ExpMinusOne(a * logRatio));
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
            if (_baseShares[j] > 0)
            {
                direct += _baseShares[j] * Math.Pow(priceRatios[j], a);
            }
        }

        return Math.Pow(direct, 1 / a);
    }

    /// <summary>(p̂_j/P̂)^(−σ): the substitution term of supplier j's demand.</summary>
    public double Substitution(double priceRatio, double priceIndexRatio) => Math.Pow(priceRatio / priceIndexRatio, -Sigma);

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
    /// The expenditure shares at the new prices, w_j = θ_j p̂_j^(1−σ) / Σ_k θ_k p̂_k^(1−σ); they are
    /// ∂ln P̂/∂ln p̂_j, which gsim's Newton step needs.
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
        ConsumerPriceRatios(tariffsAfterPercent, worldPrices, ratios);
        var priceIndexRatio = PriceIndexRatio(ratios);
        var quantityRatio = QuantityRatio(priceIndexRatio);

        var effects = new SupplierEffect[suppliers.Count];
        var revenueBefore = 0.0;
        var revenueAfter = 0.0;
        for (var j = 0; j < effects.Length; j++)
        {
            var supplier = suppliers[j];
            var substitution = supplier.BaseValue > 0 ? Substitution(ratios[j], priceIndexRatio) : 0;
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
