using Simulation.Model.Economics;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Model.Tests.Economics;

/// <summary>
/// Every case of tests/data/market-model-cases.csv through the model its method names, read from
/// the file itself, to the file's 6 decimals (1e-6): A and B with smart, C and D with ces, and C
/// and D again with gsim under infinite supply, which must give the ces numbers. The beneficiary is
/// BEN and the others are one supplier OTH; tariffs are percent here, fractions in the file.
/// </summary>
public sealed class ReferenceCaseTests
{
    private const double Tolerance = 1e-6;

    [Theory]
    [InlineData("A")]
    [InlineData("B")]
    public void Smart_reproduces_the_Laird_Yeats_cases(string id)
    {
        var c = MarketModelCases.Get(id);
        c.Method.Should().StartWith("laird_yeats_smart");
        var sector = SectorOf(c);

        var solution = SmartMarketModel.Instance.SolveSector(sector, TariffsAfter(c));

        var market = solution.Markets.Should().ContainSingle().Subject;
        var (beneficiary, others) = (market.Suppliers[0], market.Suppliers[1]);
        solution.Warnings.Should().BeEmpty();
        market.IsValid.Should().BeTrue();
        market.Suppliers.Should().OnlyContain(e => e.IsValid, "a 10-point cut is well within the linear form");
        beneficiary.Creation.Should().BeApproximately(c.TradeCreation!.Value, Tolerance, "case {0}, trade creation", id);
        SmartMarketModel.RelativePriceChange(sector.Markets[0], 0, [100 * c.BeneficiaryTariffAfter, 100 * c.OthersTariffAfter])
            .Should().BeApproximately(c.RelativePriceChange!.Value, Tolerance, "case {0}, relative price change", id);
        beneficiary.Diversion.Should().BeApproximately(c.TradeDiversion!.Value, Tolerance, "case {0}, diversion to the beneficiary", id);
        others.Diversion.Should().BeApproximately(-c.TradeDiversion.Value, Tolerance, "case {0}: the others lose what is diverted", id);
        others.Creation.Should().Be(0, "the others' tariff does not change");
        beneficiary.ValueAfter.Should().BeApproximately(c.BeneficiaryValue + beneficiary.Creation + beneficiary.Diversion, 1e-12, "new M = M + TC + TD");

        // Case B gives only creation, price change and diversion; A gives the rest too.
        if (c.NewBeneficiaryValue is { } newBeneficiary)
        {
            beneficiary.ValueAfter.Should().BeApproximately(newBeneficiary, Tolerance, "case {0}, new M_beneficiary", id);
            others.ValueAfter.Should().BeApproximately(c.NewOthersValue!.Value, Tolerance, "case {0}, new M_others", id);
            market.TariffRevenueBefore.Should().BeApproximately(c.RevenueBefore!.Value, Tolerance, "case {0}, TR0", id);
            market.TariffRevenueAfter.Should().BeApproximately(c.RevenueAfter!.Value, Tolerance, "case {0}, TR1", id);
            market.TariffRevenueChange.Should().BeApproximately(c.RevenueChange!.Value, Tolerance, "case {0}, dTR", id);
            (market.ConsumerSurplusChange + market.TariffRevenueChange).Should().BeApproximately(c.Welfare!.Value, Tolerance, "case {0}, W", id);
        }
    }

    [Theory]
    [InlineData("C")]
    [InlineData("D")]
    public void Ces_and_gsim_with_infinite_supply_reproduce_the_exact_CES_cases(string id)
    {
        var c = MarketModelCases.Get(id);
        c.Method.Should().StartWith("exact_ces");
        c.SupplyElasticity.Should().Be(double.PositiveInfinity);

        foreach (IMarketModel model in new IMarketModel[] { CesMarketModel.Instance, GsimMarketModel.Instance })
        {
            var solution = model.SolveSector(SectorOf(c), TariffsAfter(c));

            var market = solution.Markets.Should().ContainSingle().Subject;
            var name = model.GetType().Name;
            market.Suppliers[0].ValueAfter.Should().BeApproximately(c.NewBeneficiaryValue!.Value, Tolerance, "case {0} with {1}, new M_beneficiary", id, name);
            market.Suppliers[1].ValueAfter.Should().BeApproximately(c.NewOthersValue!.Value, Tolerance, "case {0} with {1}, new M_others", id, name);
            market.TariffRevenueBefore.Should().BeApproximately(c.RevenueBefore!.Value, Tolerance, "case {0} with {1}, TR0", id, name);
            market.TariffRevenueAfter.Should().BeApproximately(c.RevenueAfter!.Value, Tolerance, "case {0} with {1}, TR1", id, name);
            market.TariffRevenueChange.Should().BeApproximately(c.RevenueChange!.Value, Tolerance, "case {0} with {1}, dTR", id, name);
            (market.ConsumerSurplusChange + market.TariffRevenueChange).Should().BeApproximately(c.Welfare!.Value, Tolerance, "case {0} with {1}, welfare", id, name);
            solution.Suppliers.Should().OnlyContain(s => s.WorldPrice == 1 && s.ProducerSurplusChange == 0, "supply is infinite");
            solution.Iterations.Should().Be(0);
        }
    }

    [Fact]
    public void The_file_has_the_four_cases()
    {
        MarketModelCases.Ids.Should().Equal("A", "B", "C", "D");
    }

    internal static SectorMarkets SectorOf(MarketModelCase c)
    {
        var sector = new Sector("generic", c.DemandElasticity, c.SubstitutionElasticity, c.SupplyElasticity);
        var market = new Market(new MarketKey("IMP", sector.Name), sector,
            [new MarketSupplier("BEN", c.BeneficiaryValue, 100 * c.BeneficiaryTariffBefore), new MarketSupplier("OTH", c.OthersValue, 100 * c.OthersTariffBefore)]);
        return new SectorMarkets(sector, [market]);
    }

    internal static Func<TariffLine, double> TariffsAfter(MarketModelCase c) =>
        line => 100 * (line.Exporter == "BEN" ? c.BeneficiaryTariffAfter : c.OthersTariffAfter);
}
