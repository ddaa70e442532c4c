using System.Globalization;
using Simulation.Model.Numerics;
using Simulation.Model.Registries;

namespace Simulation.Model.Economics;

/// <summary>
/// The WITS-SMART partial-equilibrium form of Laird &amp; Yeats (1986), "The UNCTAD trade policy
/// simulation model" (DESIGN §3.2 `smart`), for comparison with published SMART studies. Tariffs
/// t are fractions; in one market, for a beneficiary k against the other suppliers K:
/// <list type="bullet">
/// <item>trade creation TC_k = ε M_k (t0_k − t1_k)/(1 + t0_k) / (1 + ε/ε_x);</item>
/// <item>relative price change Δ = [(1 + t1_k)/(1 + t0_k)] / [(1 + t1_K)/(1 + t0_K)] − 1;</item>
/// <item>trade diversion TD_k = M_k M_K σ(−Δ) / (M_k + M_K + M_k σ(−Δ)), TD_K = −TD_k shared by import share;</item>
/// <item>welfare W = ½ (t0_k − t1_k) TC_k.</item>
/// </list>
/// </summary>
/// <remarks>
/// <para>
/// Several suppliers: every supplier's creation comes from its own tariff change. Diversion is
/// applied per supplier k whose tariff changed, against the rest K of the market's importers: K's
/// price factor (1 + t1_K)/(1 + t0_K) is the base-import-weighted mean of its members'
/// (1 + t1_j)/(1 + t0_j); TD_k goes to k and −TD_k is shared among K by base imports. A uniform
/// change moves no relative price and diverts nothing; with one beneficiary this is exactly the
/// textbook form above.
/// </para>
/// <para>
/// The form is linear, so large tariff increases can predict negative imports (a 100% surtax,
/// case D of the reference cases), and the diversion denominator can turn non-positive, which flips
/// the sign of the diversion (a supplier whose duty rose gains). Both are reported as warnings in the
/// solution, with the numbers as the form gives them, never clamped, and the suppliers and markets
/// concerned are marked not valid (<see cref="SupplierEffect.InvalidReason"/>): negative imports mark
/// that supplier, an undefined diversion every importing supplier of the market, since −TD_k is
/// shared among them; either marks the market, whose ΔCS and ΔTR rest on those values.
/// </para>
/// <para>
/// SMART is an import model: home producers (domestic sales) are not among the substitutes and
/// keep their sales; world prices stay at 1, so producers' surplus does not change. The market's
/// net welfare is W (Laird–Yeats' triangle), so consumer surplus is reported as W − ΔTR, keeping
/// ΔCS + ΔTR = W as in the other models. ε_x ≥ 99 stands for infinite supply, as in WITS.
/// </para>
/// </remarks>
public sealed class SmartMarketModel : IMarketModel
{
    /// <summary>WITS's code for infinite export supply: ε/ε_x is taken as 0 from here on.</summary>
    public const double InfiniteSupplyElasticity = 99;

    public static SmartMarketModel Instance { get; } = new();

    public string Name => "smart";

    public string Description => "the WITS-SMART / Laird–Yeats linear form";

    public IReadOnlyList<EntryParameter> Parameters => [];

    public SectorSolution SolveSector(SectorMarkets sector, Func<TariffLine, double> tariffAfterPercent)
    {
        ArgumentNullException.ThrowIfNull(sector);
        var warnings = new List<string>();
        var effects = new MarketEffect[sector.Markets.Count];
        for (var m = 0; m < effects.Length; m++)
        {
            var market = sector.Markets[m];
            effects[m] = Solve(market, market.TariffsAfter(tariffAfterPercent), warnings);
        }

        var worldPrices = new double[sector.Suppliers.Count];
        Array.Fill(worldPrices, 1.0);
        return FiniteSolution.Check("smart", sector, new SectorSolution(sector.Sector.Name, effects, ProducerSurplus.Supplies(sector, effects, worldPrices), warnings, Iterations: 0));
    }

    /// <summary>Solves one market for the given tariffs (percent, one per supplier in order), adding any warnings to <paramref name="warnings"/>.</summary>
    public static MarketEffect Solve(Market market, IReadOnlyList<double> tariffsAfterPercent, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(warnings);
        var suppliers = market.Suppliers;
        var n = suppliers.Count;
        var epsilon = market.DemandElasticity;
        var sigma = market.SubstitutionElasticity;
        var supply = market.Sector.SupplyElasticity;
        var supplyDamping = supply >= InfiniteSupplyElasticity ? 1 : 1 + epsilon / supply;

        var t0 = new double[n];
        var t1 = new double[n];
        var imports = new bool[n];
        var creation = new double[n];
        var diversion = new double[n];
        var invalid = new List<string>[n];
        for (var j = 0; j < n; j++)
        {
            invalid[j] = [];
        }

        for (var j = 0; j < n; j++)
        {
            imports[j] = !market.IsHome(suppliers[j]);
            t0[j] = suppliers[j].BaseTariffPercent / 100;
            t1[j] = tariffsAfterPercent[j] / 100;
            if (imports[j])
            {
                creation[j] = epsilon * suppliers[j].BaseValue * (t0[j] - t1[j]) / (1 + t0[j]) / supplyDamping;
            }
        }

        for (var k = 0; k < n; k++)
        {
            if (imports[k] && t1[k] != t0[k])
            {
                Divert(market, k, t0, t1, imports, sigma, diversion, invalid, warnings);
            }
        }

        var effects = new SupplierEffect[n];
        var revenueBefore = 0.0;
        var revenueAfter = 0.0;
        var welfare = 0.0;
        for (var j = 0; j < n; j++)
        {
            var supplier = suppliers[j];
            var after = supplier.BaseValue + creation[j] + diversion[j];
            if (after < 0)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"smart predicts negative imports of {market.Importer} from {supplier.Exporter} in {market.Key.Sector} ({after:0.######}): the linear Laird–Yeats form is not valid for a tariff change this large; ces or gsim are"));
                invalid[j].Add(string.Create(CultureInfo.InvariantCulture,
                    $"negative imports ({after:0.##}): the linear Laird–Yeats form does not hold for a tariff change this large; use ces or gsim"));
            }

            effects[j] = new SupplierEffect(
                supplier.Exporter, supplier.BaseTariffPercent, tariffsAfterPercent[j], supplier.BaseValue, after, after, creation[j], diversion[j], WorldPrice: 1)
            {
                InvalidReason = invalid[j].Count > 0 ? string.Join("; ", invalid[j]) : null,
            };
            revenueBefore += t0[j] * supplier.BaseValue;
            revenueAfter += t1[j] * after;
            welfare += 0.5 * (t0[j] - t1[j]) * creation[j];
        }

        return new MarketEffect(market.Key, effects, welfare - (revenueAfter - revenueBefore), revenueBefore, revenueAfter)
        {
            InvalidReason = effects.Any(e => !e.IsValid)
                ? "consumer surplus and tariff revenue rest on suppliers' values the linear form cannot give for this change; use ces or gsim"
                : null,
        };
    }

    /// <summary>The relative price change Δ of supplier <paramref name="k"/> against the rest K of the importers.</summary>
    public static double RelativePriceChange(Market market, int k, IReadOnlyList<double> tariffsAfterPercent)
    {
        ArgumentNullException.ThrowIfNull(market);
        var t0 = market.Suppliers.Select(s => s.BaseTariffPercent / 100).ToArray();
        var t1 = tariffsAfterPercent.Select(t => t / 100).ToArray();
        var imports = market.Suppliers.Select(s => !market.IsHome(s)).ToArray();
        return RelativePriceChange(market, k, t0, t1, imports, out _);
    }

    private static double RelativePriceChange(Market market, int k, double[] t0, double[] t1, bool[] imports, out double othersBase)
    {
        othersBase = 0;
        var othersWeighted = 0.0;
        for (var j = 0; j < t0.Length; j++)
        {
            if (j != k && imports[j])
            {
                var value = market.Suppliers[j].BaseValue;
                othersBase += value;
                othersWeighted += value * (1 + t1[j]) / (1 + t0[j]);
            }
        }

        var others = othersBase > 0 ? othersWeighted / othersBase : 1;
        return (1 + t1[k]) / (1 + t0[k]) / others - 1;
    }

    private static void Divert(
        Market market, int k, double[] t0, double[] t1, bool[] imports, double sigma, double[] diversion, List<string>[] invalid, ICollection<string> warnings)
    {
        var delta = RelativePriceChange(market, k, t0, t1, imports, out var othersBase);
        var mk = market.Suppliers[k].BaseValue;
        if (mk <= 0 || othersBase <= 0)
        {
            return;
        }

        var denominator = mk + othersBase + mk * sigma * -delta;
        if (denominator <= 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"smart's trade diversion for {market.Importer} from {market.Suppliers[k].Exporter} in {market.Key.Sector} is undefined (denominator {denominator:0.######} ≤ 0): the relative price change {delta:0.######} is beyond the linear Laird–Yeats form"));
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"trade diversion undefined: {market.Suppliers[k].Exporter}'s relative price change {delta:0.###} is beyond the linear Laird–Yeats form; use ces or gsim");
            for (var j = 0; j < t0.Length; j++)
            {
                if (imports[j])
                {
                    invalid[j].Add(reason);
                }
            }
        }

        var diverted = mk * othersBase * sigma * -delta / denominator;
        if (!double.IsFinite(diverted))
        {
            throw new NonFiniteResultException(
                $"smart cannot compute trade diversion for {market.Importer} from {market.Suppliers[k].Exporter} in {market.Key.Sector}: its denominator is zero. Use the ces or gsim model for tariff changes this large.");
        }

        diversion[k] += diverted;
        for (var j = 0; j < t0.Length; j++)
        {
            if (j != k && imports[j])
            {
                diversion[j] -= diverted * market.Suppliers[j].BaseValue / othersBase;
            }
        }
    }
}
