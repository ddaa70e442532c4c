using Simulation.Model.Economics;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Model.Tests.Economics;

/// <summary>
/// Identities of the exact CES market beyond the published reference cases (those, C and D of
/// tests/data/market-model-cases.csv, are in <see cref="ReferenceCaseTests"/>).
/// </summary>
public sealed class CesMarketModelTests
{
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

    [Theory]
    [InlineData(1e-12)]
    [InlineData(-1e-12)]
    [InlineData(1e-14)]
    [InlineData(1e-6)]
    public void The_price_index_keeps_its_digits_as_sigma_approaches_1(double sigmaMinusOne)
    {
        // Two equal suppliers, A's consumer price doubled: x = ln p̂ is ln 2 or 0 with weights ½. With a = 1 − σ,
        // ln P̂ = ln(Σ θ e^(a x))/a = E[x] + a·Var[x]/2 + O(a²), so P̂ = √2·e^(a (ln 2)²/8) up to 1e-17 here.
        // The direct form (Σ θ p̂^a)^(1/a) was wrong in the sixth digit at σ − 1 = 1e-12 and the third at 1e-14.
        var a = -sigmaMinusOne;
        var market = new Market(new MarketKey("IMP", "generic"), new Sector("generic", 1.5, 1 + sigmaMinusOne, double.PositiveInfinity),
            [new MarketSupplier("A", 100, 0), new MarketSupplier("B", 100, 0)]);

        var priceIndex = new CesMarket(market).PriceIndexRatio([2, 1]);

        var expected = Math.Sqrt(2) * Math.Exp(a * Math.Log(2) * Math.Log(2) / 8);
        priceIndex.Should().BeApproximately(expected, 4e-16 * expected);
    }

    [Theory]
    [InlineData(1e-13)]
    [InlineData(-1e-13)]
    public void Consumer_surplus_keeps_its_digits_as_epsilon_approaches_1(double epsilonMinusOne)
    {
        // ΔCS = E0 (1 − P̂^(1−ε))/(1 − ε) = −E0 ln P̂ (1 + (1−ε) ln P̂/2 + …): within 1e-13 of the ε = 1 limit.
        // The direct form lost three digits to 1 − P̂^(1−ε) at |1 − ε| = 1e-13.
        var market = new Market(new MarketKey("IMP", "generic"), new Sector("generic", 1 + epsilonMinusOne, 1, double.PositiveInfinity),
            [new MarketSupplier("A", 100, 0), new MarketSupplier("B", 100, 0)]);
        var ces = new CesMarket(market);
        var priceIndex = ces.PriceIndexRatio([2, 1]);

        var surplus = ces.ConsumerSurplusChange(priceIndex);

        var limit = -200 * Math.Log(priceIndex);
        surplus.Should().BeApproximately(limit, 1e-12 * Math.Abs(limit));
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

        var caseC = MarketModelCases.Get("C").NewBeneficiaryValue!.Value;
        overridden.Suppliers[0].ValueAfter.Should().BeApproximately(caseC, 1e-6, "case C of market-model-cases.csv");
        other.DemandElasticity.Should().Be(3);
        other.SubstitutionElasticity.Should().Be(8);
        CesMarketModel.Solve(other, [0, 10]).Suppliers[0].ValueAfter.Should().NotBeApproximately(caseC, 1);
    }
}
