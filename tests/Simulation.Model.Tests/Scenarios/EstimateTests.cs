using Simulation.Model.Scenarios;
using static Simulation.Model.Tests.Scenarios.LoaderAssertions;

namespace Simulation.Model.Tests.Scenarios;

/// <summary>
/// <c>estimate: { FIELD: { low, high } }</c> beside the numbers of a trade flow, a row of domestic
/// sales, a sector or a sector's market: the machine-readable mark a sensitivity analysis draws from.
/// </summary>
public sealed class EstimateTests
{
    private static string Scenario(string sector = "", string market = "", string flow = "", string domestic = "", string supply = "2") =>
        "name: Estimates\n" +
        "model: gsim\n" +
        "sectors:\n" +
        $"  footwear: {{ demand_elasticity: 1.5, substitution_elasticity: 4, supply_elasticity: {supply}{sector},\n" +
        $"              markets: {{ CAN: {{ demand_elasticity: 1.2{market} }} }} }}\n" +
        "countries:\n" +
        "  CAN: { name: Canada }\n" +
        "  IDN: { name: Indonesia }\n" +
        "trade:\n" +
        "  - { importer: CAN, exporter: IDN, sector: footwear, value: 100, tariff: 18 }\n" +
        $"  - {{ importer: IDN, exporter: CAN, sector: footwear, value: 30, tariff: 10{flow} }}\n" +
        "domestic:\n" +
        $"  - {{ country: CAN, sector: footwear, value: 400{domestic} }}\n";

    [Fact]
    public void Estimates_are_read_with_the_path_of_their_number_in_the_order_of_the_file()
    {
        var scenario = ScenarioLoader.Parse(Scenario(
            sector: ", estimate: { substitution_elasticity: { low: 2, high: 8 }, supply_elasticity: { low: 1, high: 5 } }",
            market: ", estimate: { demand_elasticity: { low: 0.5, high: 2 } }",
            flow: ", estimate: { value: { low: 15, high: 60 }, tariff: { low: 10, high: 12.5 } }",
            domestic: ", estimate: { value: { low: 300, high: 500 } }"), FileName);

        scenario.Estimates.Should().Equal(
            new Estimate("sectors.footwear.markets.CAN.demand_elasticity", 1.2, 0.5, 2),
            new Estimate("sectors.footwear.substitution_elasticity", 4, 2, 8),
            new Estimate("sectors.footwear.supply_elasticity", 2, 1, 5),
            new Estimate("trade[1].value", 30, 15, 60),
            new Estimate("trade[1].tariff", 10, 10, 12.5),
            new Estimate("domestic[0].value", 400, 300, 500));
    }

    [Fact]
    public void A_scenario_without_marks_has_no_estimates_and_loads_as_before()
    {
        var scenario = ScenarioLoader.Parse(Scenario(), FileName);

        scenario.Estimates.Should().BeEmpty();
        scenario.Trade[1].Value.Should().Be(30);
    }

    [Fact]
    public void Every_mistake_in_estimates_is_reported_at_once_with_its_path()
    {
        var errors = ErrorsOf(Scenario(
            sector: ", estimate: { demand_elastcity: { low: 1, high: 2 } }",
            flow: ", estimate: { value: { low: 40, high: 60 }, tariff: { low: 12, high: 11 } }",
            domestic: ", estimate: { value: { low: 300 } }"));

        errors.Select(e => (e.Path, e.Line)).Should().BeEquivalentTo(new[]
        {
            ("sectors.footwear.estimate.demand_elastcity", (int?)4),
            ("trade[1].estimate.value", 11),
            ("trade[1].estimate.tariff", 11),
            ("domestic[0].estimate.value.high", 13),
        });
        errors.Select(e => e.Message).Should().SatisfyRespectively(
            m => m.Should().Contain("cannot be marked as an estimate").And.Contain("did you mean 'demand_elasticity'"),
            m => m.Should().Be("value is 30, outside its estimate's range [40, 60]"),
            m => m.Should().Be("low 12 is above high 11"),
            m => m.Should().Contain("high"));
    }

    [Fact]
    public void An_estimate_of_a_number_that_is_not_set_is_refused()
    {
        var error = SingleErrorOf(Scenario(market: ", estimate: { substitution_elasticity: { low: 1, high: 9 } }"));

        error.Path.Should().Be("sectors.footwear.markets.CAN.estimate.substitution_elasticity");
        error.Message.Should().Contain("not set here");
    }

    [Fact]
    public void Infinite_supply_cannot_be_an_estimate()
    {
        var error = SingleErrorOf(Scenario(supply: "infinite", sector: ", estimate: { supply_elasticity: { low: 1, high: 9 } }"));

        error.Path.Should().Be("sectors.footwear.estimate.supply_elasticity");
        error.Message.Should().Contain("'infinite'");
    }

    [Fact]
    public void Bounds_outside_the_numbers_own_limits_are_refused()
    {
        // A tariff cannot be negative, so neither can the low end of its estimate.
        var error = SingleErrorOf(Scenario(flow: ", estimate: { tariff: { low: -5, high: 20 } }"));

        error.Path.Should().Be("trade[1].estimate.tariff.low");
    }

    [Fact]
    public void Estimate_must_be_a_mapping()
    {
        var error = SingleErrorOf(Scenario(flow: ", estimate: [value]"));

        error.Path.Should().Be("trade[1].estimate");
        error.Message.Should().Contain("value, tariff").And.Contain("{ low, high }");
    }
}
