using System.Globalization;
using Simulation.Model.Economics;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Economics;

/// <summary>
/// The one-supplier closed form of DESIGN §3.2 "Vertical links": China's only market for seed is one
/// supplier (ROW) with infinite supply whose tariff goes from t0 to t1 (r = (1 + t1)/(1 + t0)), all of
/// it bought by China's oil producers (F0 = 0); oil is sold only in Japan, by China alone, at no tariff.
/// Then pw solves pw^(−ε) = ((pw − a r)/(1 − a))^(ε_x), oil's flow becomes X0 · pw^(1−ε) in value and
/// China's seed imports a X0 · pw^(−ε)/(1 + t0). The expected pw comes from bisection on that one
/// equation here, not from the model's block solver.
/// </summary>
public sealed class VerticalLinkClosedFormTests
{
    private const double OilSales = 100;

    [Theory]
    [InlineData(1.5, 2.0, 0.7, 0.0, 25.0)]
    [InlineData(2.0, 5.0, 0.3, 10.0, 100.0)]
    [InlineData(0.8, 0.5, 0.5, 50.0, 0.0)]
    [InlineData(1.0, 10.0, 0.9, 0.0, 400.0)]
    [InlineData(4.0, 1.0, 0.2, 30.0, 5.0)]
    public void A_seed_tariff_raises_crushers_costs_as_the_closed_form_says(double epsilon, double supplyElasticity, double share, double t0, double t1)
    {
        var world = World.FromScenario(ScenarioLoader.Parse(Scenario(epsilon, supplyElasticity, share, t0), "links.yaml"))
            .With([new TariffChange(new TariffLine("CHN", "ROW", "seed"), t1)]);
        var r = (1 + t1 / 100) / (1 + t0 / 100);
        var pw = Bisect(p => Math.Pow(p, -epsilon) - Math.Pow((p - share * r) / (1 - share), supplyElasticity), share * r, 1e6);

        var solutions = world.Solve(GsimMarketModel.Instance);

        var oil = solutions.Single(s => s.Sector == "oil");
        var seed = solutions.Single(s => s.Sector == "seed");
        oil.SupplierOf("CHN")!.WorldPrice.Should().BeApproximately(pw, 1e-8 * pw);
        oil.Markets.Single().Suppliers.Single().ValueAfter.Should().BeApproximately(OilSales * Math.Pow(pw, 1 - epsilon), 1e-8 * OilSales);
        seed.Markets.Single().Suppliers.Single().ValueAfter.Should().BeApproximately(
            share * OilSales * Math.Pow(pw, -epsilon) / (1 + t0 / 100), 1e-8 * OilSales);
        seed.Markets.Single().ConsumerSurplusChange.Should().BeApproximately(0, 1e-9, "all of China's seed is bought by crushers (F0 = 0): no final buyers");
        var valueAdded = (pw - share * r) / (1 - share);
        oil.SupplierOf("CHN")!.ProducerSurplusChange.Should().BeApproximately(
            (1 - share) * OilSales * (Math.Pow(valueAdded, 1 + supplyElasticity) - 1) / (1 + supplyElasticity), 1e-8 * OilSales,
            "ΔPS_cs = (1 − Σa) X0 (v̂^(1+ε_x) − 1)/(1 + ε_x)");
    }

    [Theory]
    [InlineData(1.5, 0.7, 0.0, 25.0)]
    [InlineData(2.0, 0.3, 10.0, 100.0)]
    public void With_infinite_supply_the_oil_price_is_unit_cost_under_gsim_and_ces(double epsilon, double share, double t0, double t1)
    {
        var scenario = ScenarioLoader.Parse(Scenario(epsilon, double.PositiveInfinity, share, t0), "links.yaml");
        var world = World.FromScenario(scenario).With([new TariffChange(new TariffLine("CHN", "ROW", "seed"), t1)]);
        var r = (1 + t1 / 100) / (1 + t0 / 100);
        var pw = 1 - share + share * r; // v̂ = 1: full pass-through of input costs

        foreach (var model in new IMarketModel[] { GsimMarketModel.Instance, CesMarketModel.Instance })
        {
            var oil = world.Solve(model).Single(s => s.Sector == "oil");
            oil.SupplierOf("CHN")!.WorldPrice.Should().BeApproximately(pw, 1e-12, model.Name);
            oil.Markets.Single().Suppliers.Single().ValueAfter.Should().BeApproximately(OilSales * Math.Pow(pw, 1 - epsilon), 1e-8 * OilSales, model.Name);
            oil.SupplierOf("CHN")!.ProducerSurplusChange.Should().Be(0, "value added keeps its price");
        }
    }

    internal static string Scenario(double epsilon, double supplyElasticity, double share, double t0)
    {
        static string N(double x) => double.IsPositiveInfinity(x) ? "infinite" : x.ToString("R", CultureInfo.InvariantCulture);
        var seedImports = share * OilSales / (1 + t0 / 100);
        return $$"""
            name: Links
            model: gsim
            sectors:
              oil: { demand_elasticity: {{N(epsilon)}}, substitution_elasticity: 3, supply_elasticity: {{N(supplyElasticity)}} }
              seed: { demand_elasticity: 1.2, substitution_elasticity: 2, supply_elasticity: infinite }
            countries:
              CHN: {}
              JPN: {}
              ROW: { negotiates: false }
            trade:
              - { importer: JPN, exporter: CHN, sector: oil, value: {{N(OilSales)}}, tariff: 0 }
              - { importer: CHN, exporter: ROW, sector: seed, value: {{N(seedImports)}}, tariff: {{N(t0)}} }
            inputs:
              - { country: CHN, sector: oil, input: seed, share: {{N(share)}} }
            """;
    }

    /// <summary>The root of a decreasing-then-crossing function on (lo, hi), by bisection to the last bit.</summary>
    internal static double Bisect(Func<double, double> f, double lo, double hi)
    {
        var signLo = Math.Sign(f(lo + 1e-300 + lo * 1e-15));
        for (var i = 0; i < 2000 && hi - lo > 1e-15 * hi; i++)
        {
            var mid = lo + (hi - lo) / 2;
            if (Math.Sign(f(mid)) == signLo)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return lo + (hi - lo) / 2;
    }
}
