using Simulation.Model.Economics;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Economics;

/// <summary>
/// gsim's Newton step uses an analytic Jacobian of the clearing conditions; with the residual market
/// and two-level demand it gained terms (DESIGN §3.2). Checked here against central finite differences
/// of the conditions themselves, at prices away from the base, so that every term is exercised.
/// </summary>
public sealed class GsimJacobianTests
{
    [Theory]
    [InlineData(0.1, -0.2, 0.05)]
    [InlineData(-0.3, 0.4, 0.2)]
    [InlineData(0, 0, 0)]
    public void The_analytic_jacobian_matches_finite_differences_with_sales_elsewhere_and_two_nests(double x0, double x1, double x2)
    {
        // X and Y have home sales and σ_D ≠ σ_M (two levels); Z's market has none (one level); X and Z sell elsewhere.
        var sector = new Sector("goods", 1.3, 6, 2)
        {
            DomesticSubstitutionElasticity = 2,
            Markets = new IdMap<ElasticityOverride>([new("Y", new ElasticityOverride(0.8, 9) { DomesticSubstitutionElasticity = 1 })]),
        };
        var markets = new[]
        {
            new Market(new MarketKey("X", "goods"), sector, [new MarketSupplier("X", 500, 0), new MarketSupplier("Y", 80, 10), new MarketSupplier("Z", 120, 5)]),
            new Market(new MarketKey("Y", "goods"), sector, [new MarketSupplier("X", 60, 8), new MarketSupplier("Y", 300, 0), new MarketSupplier("Z", 40, 0)]),
            new Market(new MarketKey("Z", "goods"), sector, [new MarketSupplier("X", 90, 20), new MarketSupplier("Y", 70, 0)]),
        };
        var markets3 = new SectorMarkets(sector, markets, [new TotalSales("X", "goods", 1000), new TotalSales("Z", "goods", 400, ElsewhereElasticity: 3)]);
        double Tariff(TariffLine line) => line.Exporter == "Y" ? 35 : 12;
        double[] x = [x0, x1, x2];

        var jacobian = new double[3, 3];
        GsimMarketModel.ClearingConditions(markets3, Tariff, x, jacobian);

        const double h = 1e-6;
        for (var l = 0; l < 3; l++)
        {
            var up = (double[])x.Clone();
            var down = (double[])x.Clone();
            up[l] += h;
            down[l] -= h;
            var fUp = GsimMarketModel.ClearingConditions(markets3, Tariff, up, new double[3, 3]);
            var fDown = GsimMarketModel.ClearingConditions(markets3, Tariff, down, new double[3, 3]);
            for (var k = 0; k < 3; k++)
            {
                var difference = (fUp[k] - fDown[k]) / (2 * h);
                jacobian[k, l].Should().BeApproximately(difference, 1e-7, "∂F_{0}/∂x_{1}", k, l);
            }
        }
    }

    [Fact]
    public void With_sales_elsewhere_and_two_nests_every_supplier_clears()
    {
        // The same sector solved: Σ_i q_ij + R0_j pw_j^(−ε_R) = X0_j pw_j^ε_x for each supplier, X0 = T where given.
        var sector = new Sector("goods", 1.3, 6, 2) { DomesticSubstitutionElasticity = 2 };
        var markets = new[]
        {
            new Market(new MarketKey("X", "goods"), sector, [new MarketSupplier("X", 500, 0), new MarketSupplier("Y", 80, 10), new MarketSupplier("Z", 120, 5)]),
            new Market(new MarketKey("Y", "goods"), sector, [new MarketSupplier("X", 60, 8), new MarketSupplier("Y", 300, 0), new MarketSupplier("Z", 40, 0)]),
        };
        var sectorMarkets = new SectorMarkets(sector, markets, [new TotalSales("X", "goods", 1000), new TotalSales("Z", "goods", 400, ElsewhereElasticity: 3)]);
        var elsewhere = new Dictionary<string, (double R0, double Elasticity)> { ["X"] = (440, 1.3), ["Z"] = (240, 3) };

        var solution = GsimMarketModel.Instance.SolveSector(sectorMarkets, line => line.Exporter == "Y" ? 60 : 0);

        foreach (var supplier in solution.Suppliers)
        {
            var listed = solution.Markets.SelectMany(m => m.Suppliers).Where(s => s.Exporter == supplier.Supplier).Sum(s => s.QuantityAfter);
            var (r0, elasticity) = elsewhere.GetValueOrDefault(supplier.Supplier);
            var demanded = listed + r0 * Math.Pow(supplier.WorldPrice, -elasticity);
            var supplied = supplier.BaseSales * Math.Pow(supplier.WorldPrice, 2);
            demanded.Should().BeApproximately(supplied, 1e-9 * supplied, "{0} clears", supplier.Supplier);
        }

        solution.SupplierOf("X")!.BaseSales.Should().Be(1000);
        solution.SupplierOf("Y")!.BaseSales.Should().Be(380, "Y has no total: its listed sales");
        solution.Iterations.Should().BeInRange(1, 25);
    }
}
