using Simulation.Model.Economics;
using Simulation.Model.Reporting;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Economics;

/// <summary>
/// Vertical links beyond the one-supplier closed form (DESIGN §3.2): final buyers beside producers in
/// an input market, the effective rate of protection computed by hand, and the guard on the price of
/// value added.
/// </summary>
public sealed class LinkedMarketsTests
{
    // China imports all its seed from ROW (infinite supply) and crushes it into oil sold in Japan
    // (infinite supply too, so oil sells at unit cost). X0 = 450 of oil at a seed share of 0.7:
    // I0 = 315 of the 500 China spends on seed, F0 = 185 is final buyers'.
    private const string Crushing = """
        name: Crushing
        model: ces
        sectors:
          seed: { demand_elasticity: 1.2, substitution_elasticity: 2, supply_elasticity: infinite }
          oil: { demand_elasticity: 2, substitution_elasticity: 3, supply_elasticity: infinite }
        countries:
          CHN: {}
          JPN: {}
          ROW: { negotiates: false }
        trade:
          - { importer: CHN, exporter: ROW, sector: seed, value: 500, tariff: 0 }
          - { importer: JPN, exporter: CHN, sector: oil, value: 450, tariff: 0 }
        inputs:
          - { country: CHN, sector: oil, input: seed, share: 0.7 }
        """;

    [Theory]
    [InlineData("ces")]
    [InlineData("gsim")]
    public void Consumer_surplus_counts_final_buyers_only_and_derived_demand_follows_output(string model)
    {
        // A 25% seed tariff: P̂ = r = 1.25 (one supplier, infinite supply); oil sells at unit cost
        // pw = 1 − 0.7 + 0.7 · 1.25 = 1.175, so Japan buys X̂ = 1.175^−2 of it. Hand-computed:
        // ΔCS = F0 (1 − r^(1−ε))/(1 − ε) with F0 = 185, ε = 1.2; seed imports
        // M1 = F0 r^−ε + I0 X̂ = 185 · 1.25^−1.2 + 315 · 1.175^−2.
        var scenario = ScenarioLoader.Parse(Crushing, "crushing.yaml");
        var world = World.FromScenario(scenario).With([new TariffChange(new TariffLine("CHN", "ROW", "seed"), 25)]);

        var solutions = world.Solve(MarketModels.Registry.Find(model)!);

        var seed = solutions.Single(s => s.Sector == "seed").Markets.Single();
        seed.BuyersPriceIndex.Should().BeApproximately(1.25, 1e-12);
        seed.ConsumerSurplusChange.Should().BeApproximately(185 * (1 - Math.Pow(1.25, -0.2)) / -0.2, 1e-8);
        seed.Suppliers.Single().ValueAfter.Should().BeApproximately(185 * Math.Pow(1.25, -1.2) + 315 * Math.Pow(1.175, -2), 1e-8);
        var oil = solutions.Single(s => s.Sector == "oil");
        oil.SupplierOf("CHN")!.WorldPrice.Should().BeApproximately(1.175, 1e-12);
        oil.Markets.Single().Suppliers.Single().ValueAfter.Should().BeApproximately(450 * Math.Pow(1.175, -1), 1e-8);
    }

    [Fact]
    public void A_scenario_without_inputs_has_no_links_and_no_effective_protection()
    {
        var scenario = ScenarioLoader.Parse(Crushing[..Crushing.IndexOf("inputs:", StringComparison.Ordinal)], "plain.yaml");
        var world = World.FromScenario(scenario);

        scenario.Inputs.Should().BeEmpty();
        world.Blocks.Any.Should().BeFalse();
        CountryOutcomes.For(scenario, world, world.Solve(scenario.Model)).Should().OnlyContain(c => c.EffectiveProtection == null);
    }

    [Fact]
    public void Effective_protection_is_the_hand_computed_rate_before_and_after()
    {
        // China's oil: 100 from CAN at 9% and 300 from ROW at 5%, t_oil = (900 + 1500)/400 = 6;
        // seed: 300 from CAN at 0% and 100 from ROW at 4%, t_seed = 400/400 = 1. With a = 0.7,
        // ERP = (6 − 0.7 · 1)/0.3 = 17.666…; CAN's seed to 25%: t_seed = (7500 + 400)/400 = 19.75,
        // ERP = (6 − 0.7 · 19.75)/0.3 = −26.083…: the seed tariff taxes crushing more than the oil
        // tariff protects it.
        var scenario = ScenarioLoader.Parse("""
            name: Protection
            sectors:
              seed: { demand_elasticity: 1.2, substitution_elasticity: 2, supply_elasticity: 3 }
              oil: { demand_elasticity: 2, substitution_elasticity: 3, supply_elasticity: 2 }
            countries:
              CAN: {}
              CHN: {}
              ROW: { negotiates: false }
            trade:
              - { importer: CHN, exporter: CAN, sector: oil, value: 100, tariff: 9 }
              - { importer: CHN, exporter: ROW, sector: oil, value: 300, tariff: 5 }
              - { importer: CHN, exporter: CAN, sector: seed, value: 300, tariff: 0 }
              - { importer: CHN, exporter: ROW, sector: seed, value: 100, tariff: 4 }
            domestic:
              - { country: CHN, sector: oil, value: 400 }
            inputs:
              - { country: CHN, sector: oil, input: seed, share: 0.7 }
            """, "protection.yaml");
        var world = World.FromScenario(scenario).With([new TariffChange(new TariffLine("CHN", "CAN", "seed"), 25)]);

        var countries = CountryOutcomes.For(scenario, world, world.Solve(scenario.Model));

        var rate = countries.Single(c => c.Id == "CHN").EffectiveProtection.Should().ContainSingle().Subject;
        rate.Sector.Should().Be("oil");
        rate.Before.Should().BeApproximately((6 - 0.7) / 0.3, 1e-12);
        rate.After.Should().BeApproximately((6 - 0.7 * 19.75) / 0.3, 1e-12);
        countries.Single(c => c.Id == "CAN").EffectiveProtection.Should().BeNull("Canada makes nothing with inputs here");
    }

    [Fact]
    public void A_value_added_price_that_is_not_positive_is_an_error_naming_the_sector()
    {
        // At every gsim equilibrium with ε_x > 0 v̂ > 0 (supply vanishes as v̂ → 0 while demand does
        // not), so the guard is reached only by numbers gone wrong: a world price of 0.9 against
        // inputs costing 0.7 · 1.5 = 1.05 per unit of base output gives v̂ = (0.9 − 1.05)/0.3 = −0.5.
        var scenario = ScenarioLoader.Parse(Crushing, "crushing.yaml");
        var oil = World.FromScenario(scenario).MarketsOf("oil");
        var links = new SectorLinkTerms(new Dictionary<string, InputCost> { ["CHN"] = new(0.7, 0.7 * 1.5) }, new Dictionary<string, IntermediateDemand>());

        FluentActions.Invoking(() => LinkedPrices.RequirePositiveValueAdded("gsim", oil, links, [0.9], 3))
            .Should().Throw<EquilibriumNotFoundException>()
            .Where(e => e.Sector == "oil")
            .WithMessage("gsim found no equilibrium in sector oil: the value-added price of CHN's producers is -0.5, not above 0*");
    }
}
