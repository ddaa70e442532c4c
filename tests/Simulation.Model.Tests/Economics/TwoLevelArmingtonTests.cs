using Simulation.Model.Economics;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Economics;

/// <summary>
/// Two-level Armington demand (DESIGN §3.2): buyers choose between the home good and an import
/// composite with σ_D, then among import sources with σ_M. Checked against the formulas written out in
/// each test, not against the code's own algebra: one import source is CES with σ_D; two sources keep
/// their relative quantities moving by (p̂_A/p̂_B)^(−σ_M); σ_D = σ_M is the single nest.
/// </summary>
public sealed class TwoLevelArmingtonTests
{
    [Theory]
    [InlineData(2.0, 8.0, 1.5)]
    [InlineData(0.5, 3.0, 1.0)]
    [InlineData(1.0, 4.0, 0.7)]
    public void With_one_import_source_the_two_levels_are_ces_with_the_domestic_elasticity(double sigmaD, double sigmaM, double epsilon)
    {
        // Home sales D = 300 at 0%, imports from A 100 at 10% → 40%. One source: P̂_M = p̂_A, so
        // P̂ = (θ_D + θ_A p̂_A^(1−σ_D))^(1/(1−σ_D)) (Π p̂^θ when σ_D = 1), with θ_D = 300/410 and θ_A = 110/410,
        // p̂_A = 1.4/1.1; Q̂ = P̂^(−ε); D1 = 300 P̂^(σ_D) Q̂; A1 = 100 (p̂_A/P̂)^(−σ_D) Q̂.
        var (thetaD, thetaA, pA) = (300.0 / 410, 110.0 / 410, 1.4 / 1.1);
        var index = sigmaD == 1
            ? Math.Pow(pA, thetaA)
            : Math.Pow(thetaD + thetaA * Math.Pow(pA, 1 - sigmaD), 1 / (1 - sigmaD));
        var q = Math.Pow(index, -epsilon);

        var effect = Solve(sigmaD, sigmaM, epsilon, [("H", 300, 0, 0), ("A", 100, 10, 40)]);

        effect.Suppliers[0].QuantityAfter.Should().BeApproximately(300 * Math.Pow(1 / index, -sigmaD) * q, 1e-10);
        effect.Suppliers[1].QuantityAfter.Should().BeApproximately(100 * Math.Pow(pA / index, -sigmaD) * q, 1e-10);
        var cs = epsilon == 1 ? -410 * Math.Log(index) : 410 * (1 - Math.Pow(index, 1 - epsilon)) / (1 - epsilon);
        effect.ConsumerSurplusChange.Should().BeApproximately(cs, 1e-9);
    }

    [Theory]
    [InlineData(2.0, 6.0)]
    [InlineData(1.0, 3.0)]
    [InlineData(4.0, 1.0)]
    public void Two_import_sources_move_relative_to_each_other_by_the_import_elasticity_alone(double sigmaD, double sigmaM)
    {
        // Home 500, A 100 at 0% → 25%, B 200 at 10% → 10%: p̂_A = 1.25, p̂_B = 1. Whatever σ_D and ε,
        // (A1/B1)/(A0/B0) = (p̂_A/p̂_B)^(−σ_M). The home good moves by (p̂_D/P̂)^(−σ_D) Q̂ with
        // P̂_M = (θ^M_A 1.25^(1−σ_M) + θ^M_B)^(1/(1−σ_M)), θ^M_A = 100/320, θ^M_B = 220/320, and
        // P̂ = (θ_D + (1 − θ_D) P̂_M^(1−σ_D))^(1/(1−σ_D)), θ_D = 500/820 (geometric means where σ = 1).
        var effect = Solve(sigmaD, sigmaM, 1.3, [("H", 500, 0, 0), ("A", 100, 0, 25), ("B", 200, 10, 10)]);

        var ratio = effect.Suppliers[1].QuantityAfter / effect.Suppliers[2].QuantityAfter / (100.0 / 200);
        ratio.Should().BeApproximately(Math.Pow(1.25, -sigmaM), 1e-12);

        static double Ces(double share, double price, double sigma) =>
            sigma == 1 ? Math.Pow(price, share) : Math.Pow(share * Math.Pow(price, 1 - sigma) + 1 - share, 1 / (1 - sigma));
        var imports = Ces(100.0 / 320, 1.25, sigmaM);
        var index = Ces(320.0 / 820, imports, sigmaD);
        effect.Suppliers[0].QuantityAfter.Should().BeApproximately(500 * Math.Pow(1 / index, -sigmaD) * Math.Pow(index, -1.3), 1e-10);
        effect.Suppliers[1].QuantityAfter.Should().BeApproximately(
            100 * Math.Pow(1.25 / imports, -sigmaM) * Math.Pow(imports / index, -sigmaD) * Math.Pow(index, -1.3), 1e-10);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(4.0)]
    [InlineData(35.0)]
    public void The_two_levels_with_equal_elasticities_are_the_single_nest(double sigma)
    {
        // The market takes the single-nest path when σ_D = σ_M; forced through the two levels it must agree to 1e-12.
        var market = MarketOf(sigma, sigma, 1.2, [("H", 400, 0, 0), ("A", 100, 5, 60), ("B", 250, 12, 0), ("C", 30, 0, 0)]);
        double[] after = [0, 60, 0, 0];
        double[] prices = [1, 1, 1, 1];

        var single = new CesMarket(market).Effect(after, prices);
        var twoLevels = new CesMarket(market, forceTwoLevels: true).Effect(after, prices);

        new CesMarket(market).IsNested.Should().BeFalse();
        new CesMarket(market, forceTwoLevels: true).IsNested.Should().BeTrue();
        twoLevels.ConsumerSurplusChange.Should().BeApproximately(single.ConsumerSurplusChange, 1e-12 * (1 + Math.Abs(single.ConsumerSurplusChange)));
        for (var j = 0; j < 4; j++)
        {
            twoLevels.Suppliers[j].QuantityAfter.Should().BeApproximately(single.Suppliers[j].QuantityAfter, 1e-12 * single.Suppliers[j].QuantityAfter);
        }
    }

    [Fact]
    public void A_market_without_home_sales_has_only_the_lower_nest()
    {
        // No home good: σ_D plays no part, and the market is CES among imports with σ_M.
        var withD = Solve(0.5, 6, 1.1, [("A", 100, 0, 25), ("B", 200, 10, 10)]);
        var single = Solve(6, 6, 1.1, [("A", 100, 0, 25), ("B", 200, 10, 10)]);

        withD.Suppliers.Should().Equal(single.Suppliers);
        withD.ConsumerSurplusChange.Should().Be(single.ConsumerSurplusChange);
    }

    [Fact]
    public void The_scenario_sets_the_domestic_elasticity_per_sector_and_per_market()
    {
        // σ_D written for the sector applies in every market but one that overrides it; a market overriding
        // only σ_M and a sector without σ_D keep a single nest (σ_D = the market's σ_M).
        var scenario = ScenarioLoader.Parse("""
            name: Nests
            sectors:
              steel:
                demand_elasticity: 1
                substitution_elasticity: 6
                domestic_substitution_elasticity: 3
                markets:
                  CAN: { domestic_substitution_elasticity: 2.5 }
                  MEX: { substitution_elasticity: 8 }
              cars:
                demand_elasticity: 1
                substitution_elasticity: 5
                markets:
                  USA: { substitution_elasticity: 7 }
            countries: { USA: {}, CAN: {}, MEX: {} }
            trade:
              - { importer: USA, exporter: CAN, sector: steel, value: 10, tariff: 0 }
            """, "nests.yaml");

        var steel = scenario.Sector("steel");
        steel.ElasticitiesFor("USA").Should().Be(new MarketElasticities(1, 6, 3));
        steel.ElasticitiesFor("CAN").Should().Be(new MarketElasticities(1, 6, 2.5));
        steel.ElasticitiesFor("MEX").Should().Be(new MarketElasticities(1, 8, 3));
        scenario.Sector("cars").ElasticitiesFor("USA").Should().Be(new MarketElasticities(1, 7, 7));
        scenario.Sector("cars").ElasticitiesFor("CAN").Should().Be(new MarketElasticities(1, 5, 5));
    }

    private static MarketEffect Solve(double sigmaD, double sigmaM, double epsilon, (string Exporter, double Value, double Before, double After)[] suppliers)
    {
        var market = MarketOf(sigmaD, sigmaM, epsilon, suppliers);
        return CesMarketModel.Solve(market, suppliers.Select(s => s.After).ToArray());
    }

    /// <summary>Market H for <paramref name="suppliers"/>; one named H is its home producers.</summary>
    private static Market MarketOf(double sigmaD, double sigmaM, double epsilon, (string Exporter, double Value, double Before, double After)[] suppliers)
    {
        var sector = new Sector("goods", epsilon, sigmaM, double.PositiveInfinity) { DomesticSubstitutionElasticity = sigmaD };
        return new Market(new MarketKey("H", "goods"), sector, suppliers.Select(s => new MarketSupplier(s.Exporter, s.Value, s.Before)).ToArray());
    }
}
