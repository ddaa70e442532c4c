using Simulation.Model.Economics;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Model.Tests.Economics;

/// <summary>
/// The Laird–Yeats form beyond the reference cases (those are in <see cref="ReferenceCaseTests"/>):
/// its failure on large increases, which must be reported and not hidden, and the conventions for
/// several suppliers, ε_x = 99 and home producers. Expected numbers are worked out from the
/// formulas of DESIGN §3.2 in each test.
/// </summary>
public sealed class SmartMarketModelTests
{
    [Fact]
    public void A_big_tariff_increase_predicts_negative_imports_and_says_so_without_clamping()
    {
        // Case D's market (100 and 100 at 5%, ε = σ = 1.5) with the beneficiary's tariff raised to
        // 105%, through the linear form: TC = 1.5·100·(0.05 − 1.05)/1.05 = −142.857143;
        // Δ = (2.05/1.05) − 1 = 0.952381; TD = 100·100·1.5·(−0.952381)/(200 − 142.857143) = −250;
        // new M = 100 − 142.857143 − 250 = −292.857143 (exact CES gives 36.656682).
        var solution = SmartMarketModel.Instance.SolveSector(ReferenceCaseTests.SectorOf(MarketModelCases.Get("D")),
            line => line.Exporter == "BEN" ? 105 : 5);

        var beneficiary = solution.Markets[0].Suppliers[0];
        beneficiary.Creation.Should().BeApproximately(-1000.0 / 7, 1e-9);
        beneficiary.Diversion.Should().BeApproximately(-250, 1e-9);
        beneficiary.ValueAfter.Should().BeApproximately(100 - 1000.0 / 7 - 250, 1e-9, "the linear form's number, not clamped to 0");
        solution.Markets[0].Suppliers[1].ValueAfter.Should().BeApproximately(350, 1e-9);
        solution.Warnings.Should().ContainSingle().Which.Should()
            .Contain("smart predicts negative imports of IMP from BEN in generic (-292.857143)").And.Contain("ces or gsim");
        beneficiary.InvalidReason.Should().Be("negative imports (-292.86): the linear Laird–Yeats form does not hold for a tariff change this large; use ces or gsim");
        solution.Markets[0].Suppliers[1].IsValid.Should().BeTrue("OTH's 350 is what the form gives with a defined diversion (denominator 57.14 > 0)");
        solution.Markets[0].IsValid.Should().BeFalse("its ΔCS and ΔTR rest on BEN's value");
    }

    [Fact]
    public void A_diversion_denominator_at_or_below_zero_is_reported()
    {
        // σ = 4, equal shares, beneficiary 0% → 100%: Δ = 1, so M_k + M_K + M_k σ(−Δ) = 100 + 100 − 400 < 0.
        var sector = new Sector("generic", 1.5, 4, double.PositiveInfinity);
        var market = new Market(new MarketKey("IMP", "generic"), sector, [new MarketSupplier("BEN", 100, 0), new MarketSupplier("OTH", 100, 0)]);

        var solution = SmartMarketModel.Instance.SolveSector(new SectorMarkets(sector, [market]), line => line.Exporter == "BEN" ? 100 : 0);

        solution.Warnings.Should().Contain(w => w.Contains("diversion for IMP from BEN in generic is undefined (denominator -200"));
        solution.Markets[0].Suppliers[0].Diversion.Should().BeApproximately(100.0 * 100 * 4 * -1 / -200, 1e-9, "the formula's value, as it is");

        // TD_BEN = +200 although BEN's duty rose: the sign flipped with the denominator. −TD is OTH's, so both are marked.
        solution.Markets[0].Suppliers.Should().OnlyContain(e =>
            e.InvalidReason!.Contains("trade diversion undefined: BEN's relative price change 1 is beyond the linear Laird–Yeats form; use ces or gsim"));
        solution.Markets[0].InvalidReason.Should().StartWith("consumer surplus and tariff revenue rest on suppliers' values the linear form cannot give");
    }

    [Fact]
    public void Home_producers_are_not_marked_since_smart_keeps_their_sales()
    {
        // As above with home sales of 500 at zero tariff: SMART leaves them at 500, valid, while both import suppliers are marked.
        var sector = new Sector("generic", 1.5, 4, double.PositiveInfinity);
        var market = new Market(new MarketKey("IMP", "generic"), sector,
            [new MarketSupplier("BEN", 100, 0), new MarketSupplier("OTH", 100, 0), new MarketSupplier("IMP", 500, 0)]);

        var effect = SmartMarketModel.Instance.SolveSector(new SectorMarkets(sector, [market]), line => line.Exporter == "BEN" ? 100 : 0).Markets[0];

        effect.Suppliers.Select(e => e.IsValid).Should().Equal(false, false, true);
        effect.Suppliers[2].ValueAfter.Should().Be(500);
    }

    [Fact]
    public void Supply_elasticity_99_is_WITS_s_code_for_infinite()
    {
        // Case A is given with ε_x = "99 (infinite)"; literally, TC would be 13.636364/(1 + 1.5/99).
        var sector99 = ReferenceCaseTests.SectorOf(MarketModelCases.Get("A"));
        var caseA = MarketModelCases.Get("A") with { SupplyElasticity = double.PositiveInfinity };
        var sectorInfinite = ReferenceCaseTests.SectorOf(caseA);

        var tc99 = SmartMarketModel.Instance.SolveSector(sector99, ReferenceCaseTests.TariffsAfter(caseA)).Markets[0].Suppliers[0].Creation;
        var tcInfinite = SmartMarketModel.Instance.SolveSector(sectorInfinite, ReferenceCaseTests.TariffsAfter(caseA)).Markets[0].Suppliers[0].Creation;

        sector99.Sector.SupplyElasticity.Should().Be(99);
        tc99.Should().Be(tcInfinite).And.BeApproximately(1.5 * 100 * 0.1 / 1.1, 1e-12);
    }

    [Fact]
    public void A_uniform_tariff_cut_creates_trade_for_everyone_and_diverts_nothing()
    {
        // Every supplier 10% → 0%: Δ = 0 for each, so no diversion; TC_j = 1.5·M_j·0.1/1.1.
        var sector = new Sector("generic", 1.5, 1.5, double.PositiveInfinity);
        var market = new Market(new MarketKey("IMP", "generic"), sector,
            [new MarketSupplier("A", 100, 10), new MarketSupplier("B", 300, 10), new MarketSupplier("C", 50, 10)]);

        var effect = SmartMarketModel.Instance.SolveSector(new SectorMarkets(sector, [market]), _ => 0).Markets[0];

        effect.Suppliers.Select(s => s.Diversion).Should().AllSatisfy(d => d.Should().BeApproximately(0, 1e-12));
        effect.Suppliers.Select(s => s.Creation).Should().Equal(
            new[] { 100.0, 300, 50 }.Select(m => 1.5 * m * 0.1 / 1.1), (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Several_changing_suppliers_each_divert_against_the_rest_and_diversion_sums_to_zero()
    {
        // A: 10% → 0, B: 10% → 5%, C stays at 10%. For A, the rest {B, C} has the import-weighted
        // price factor (300·1.05/1.1 + 100·1)/400, and so on for B against {A, C} (see the model's remarks).
        var sector = new Sector("generic", 1.2, 3, double.PositiveInfinity);
        var market = new Market(new MarketKey("IMP", "generic"), sector,
            [new MarketSupplier("A", 100, 10), new MarketSupplier("B", 300, 10), new MarketSupplier("C", 100, 10)]);
        double[] after = [0, 5, 10];

        var effect = SmartMarketModel.Instance.SolveSector(new SectorMarkets(sector, [market]), line => after[line.Exporter[0] - 'A']).Markets[0];

        var deltaA = (1 / 1.1) / ((300 * 1.05 / 1.1 + 100) / 400) - 1;
        var tdA = 100 * 400 * 3 * -deltaA / (100 + 400 + 100 * 3 * -deltaA);
        var deltaB = (1.05 / 1.1) / ((100 / 1.1 + 100) / 200) - 1;
        var tdB = 300 * 200 * 3 * -deltaB / (300 + 200 + 300 * 3 * -deltaB);
        SmartMarketModel.RelativePriceChange(market, 0, after).Should().BeApproximately(deltaA, 1e-12);
        effect.Suppliers[0].Diversion.Should().BeApproximately(tdA - tdB * 100 / 200, 1e-9);
        effect.Suppliers[1].Diversion.Should().BeApproximately(tdB - tdA * 300 / 400, 1e-9);
        effect.Suppliers[2].Diversion.Should().BeApproximately(-tdA * 100 / 400 - tdB * 100 / 200, 1e-9);
        effect.Suppliers.Sum(s => s.Diversion).Should().BeApproximately(0, 1e-9);
        (effect.ConsumerSurplusChange + effect.TariffRevenueChange).Should().BeApproximately(
            0.5 * 0.1 * effect.Suppliers[0].Creation + 0.5 * 0.05 * effect.Suppliers[1].Creation, 1e-9, "W = Σ ½ (t0 − t1) TC");
    }

    [Fact]
    public void Home_producers_are_not_among_SMART_s_substitutes()
    {
        // Case A plus 1000 of home sales: SMART is an import model, so the importers' numbers are
        // case A's and the home producers keep their sales.
        var c = MarketModelCases.Get("A");
        var sector = new Sector("generic", c.DemandElasticity, c.SubstitutionElasticity, double.PositiveInfinity);
        var market = new Market(new MarketKey("IMP", "generic"), sector,
            [new MarketSupplier("BEN", 100, 10), new MarketSupplier("OTH", 400, 10), new MarketSupplier("IMP", 1000, 0)]);

        var effect = SmartMarketModel.Instance.SolveSector(new SectorMarkets(sector, [market]), ReferenceCaseTests.TariffsAfter(c)).Markets[0];

        effect.Suppliers[0].ValueAfter.Should().BeApproximately(c.NewBeneficiaryValue!.Value, 1e-6);
        effect.Suppliers[1].ValueAfter.Should().BeApproximately(c.NewOthersValue!.Value, 1e-6);
        effect.Suppliers[2].ValueAfter.Should().Be(1000);
    }
}
