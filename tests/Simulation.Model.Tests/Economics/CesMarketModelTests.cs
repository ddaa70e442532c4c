using Simulation.Model.Economics;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Economics;

/// <summary>
/// The exact CES market against the reference cases C and D of shared/data/market-model-cases.csv
/// (an importer buying 100 from a beneficiary and 400 or 100 from others; tariffs as fractions
/// there, percent here). Outputs there are given to 6 decimals.
/// </summary>
public sealed class CesMarketModelTests
{
    private const double Tolerance = 1e-6;

    [Theory]
    // case, M_b, M_o, t0_b, t1_b, t0_o, t1_o, ε, σ, new M_b, new M_o, TR0, TR1, ΔTR, welfare (ΔCS + ΔTR)
    [InlineData("C", 100, 400, 10, 0, 10, 10, 1.5, 1.5, 115.368973, 400.000000, 50.000000, 40.000000, -10.000000, 0.737947)]
    [InlineData("D", 100, 100, 5, 105, 5, 5, 1.5, 1.5, 36.656682, 100.000000, 10.000000, 43.489517, 33.489517, -26.218086)]
    public void Reproduces_the_reference_cases(
        string referenceCase,
        double beneficiaryValue, double othersValue,
        double beneficiaryTariffBefore, double beneficiaryTariffAfter,
        double othersTariffBefore, double othersTariffAfter,
        double demandElasticity, double substitutionElasticity,
        double expectedBeneficiaryValue, double expectedOthersValue,
        double expectedRevenueBefore, double expectedRevenueAfter, double expectedRevenueChange, double expectedWelfare)
    {
        var market = new Market(
            new MarketKey("IMP", "generic"),
            new Sector("generic", demandElasticity, substitutionElasticity, double.PositiveInfinity),
            [new MarketSupplier("BEN", beneficiaryValue, beneficiaryTariffBefore), new MarketSupplier("OTH", othersValue, othersTariffBefore)]);

        var effect = CesMarketModel.Solve(market, [beneficiaryTariffAfter, othersTariffAfter]);

        effect.Suppliers[0].ValueAfter.Should().BeApproximately(expectedBeneficiaryValue, Tolerance, "case {0}, new M_beneficiary", referenceCase);
        effect.Suppliers[1].ValueAfter.Should().BeApproximately(expectedOthersValue, Tolerance, "case {0}, new M_others", referenceCase);
        effect.TariffRevenueBefore.Should().BeApproximately(expectedRevenueBefore, Tolerance, "case {0}, TR0", referenceCase);
        effect.TariffRevenueAfter.Should().BeApproximately(expectedRevenueAfter, Tolerance, "case {0}, TR1", referenceCase);
        effect.TariffRevenueChange.Should().BeApproximately(expectedRevenueChange, Tolerance, "case {0}, dTR", referenceCase);
        (effect.ConsumerSurplusChange + effect.TariffRevenueChange).Should().BeApproximately(expectedWelfare, Tolerance, "case {0}, welfare", referenceCase);
    }

    [Fact]
    public void Creation_and_diversion_add_up_to_the_change_in_value()
    {
        // Identity of the CES split: M1 − M0 = M0[s·q̂ − 1] = M0(s − 1) + M0·s(q̂ − 1).
        var market = new Market(
            new MarketKey("IMP", "generic"),
            new Sector("generic", 1.2, 4, double.PositiveInfinity),
            [new MarketSupplier("A", 100, 10), new MarketSupplier("B", 250, 5), new MarketSupplier("C", 40, 0)]);

        var effect = CesMarketModel.Solve(market, [0, 5, 20]);

        foreach (var supplier in effect.Suppliers)
        {
            (supplier.Creation + supplier.Diversion).Should().BeApproximately(supplier.ValueChange, 1e-9);
        }
    }

    [Fact]
    public void Unit_elasticities_use_the_Cobb_Douglas_and_log_limits()
    {
        // σ = 1 and ε = 1: P̂ = Π p̂^θ and ΔCS = −E0 ln P̂. By hand: θ_A = 110/330 = 1/3,
        // p̂_A = 1/1.1, p̂_B = 1, so P̂ = 1.1^(−1/3) and ΔCS = 330·ln(1.1)/3 = 10.4841...;
        // expenditure at consumer prices is constant when ε = 1, so M1_A·1.0 = 110·(1/3)/(P̂)·P̂... = 110.
        var market = new Market(
            new MarketKey("IMP", "generic"),
            new Sector("generic", 1, 1, double.PositiveInfinity),
            [new MarketSupplier("A", 100, 10), new MarketSupplier("B", 200, 10)]);

        var effect = CesMarketModel.Solve(market, [0, 10]);

        effect.ConsumerSurplusChange.Should().BeApproximately(330 * Math.Log(1.1) / 3, 1e-9);
        effect.Suppliers[0].ValueAfter.Should().BeApproximately(110, 1e-9, "spending on A stays 110 at a consumer price of 1");
        (effect.Suppliers[1].ValueAfter * 1.1).Should().BeApproximately(220, 1e-9, "spending on B stays 220");
    }

    [Fact]
    public void A_market_override_replaces_the_sector_s_elasticities_in_that_market_only()
    {
        // Case C's market under a sector whose own elasticities are wrong for IMP but overridden
        // there with case C's ε = σ = 1.5 gives case C; another importer keeps the sector's.
        var sector = new Sector("generic", 3, 8, double.PositiveInfinity)
        {
            Markets = new IdMap<ElasticityOverride>([new("IMP", new ElasticityOverride(1.5, 1.5))]),
        };
        Market MarketOf(string importer) => new(new MarketKey(importer, "generic"), sector,
            [new MarketSupplier("BEN", 100, 10), new MarketSupplier("OTH", 400, 10)]);

        var overridden = CesMarketModel.Solve(MarketOf("IMP"), [0, 10]);
        var other = MarketOf("XYZ");

        overridden.Suppliers[0].ValueAfter.Should().BeApproximately(115.368973, Tolerance, "case C");
        other.DemandElasticity.Should().Be(3);
        other.SubstitutionElasticity.Should().Be(8);
        CesMarketModel.Solve(other, [0, 10]).Suppliers[0].ValueAfter.Should().NotBeApproximately(115.368973, 1);
    }
}
