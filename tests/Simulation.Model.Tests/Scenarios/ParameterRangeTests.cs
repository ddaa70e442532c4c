using Simulation.Model.Input;
using Simulation.Model.Scenarios;
using static Simulation.Model.Tests.Scenarios.LoaderAssertions;
using static Simulation.Model.Tests.Scenarios.ScenarioText;

namespace Simulation.Model.Tests.Scenarios;

/// <summary>
/// Every number in a scenario has a documented range (<see cref="ScenarioRanges"/>, scenarios/schema.json,
/// docs/scenario-format.md): a number past it is an error at its line and column that states the range and why it is
/// there, and the bounds themselves are accepted. Each test breaks one line of <see cref="ScenarioText.Base"/>.
/// </summary>
public sealed class ParameterRangeTests
{
    [Theory]
    // The issue's reproducers: both validated, then ran into infinities.
    [InlineData("10000")]
    [InlineData("1e300")]
    public void A_demand_elasticity_beyond_any_published_one_is_refused(string elasticity)
    {
        var line3 = $"  canola_oil: {{ demand_elasticity: {elasticity}, substitution_elasticity: 6.6 }}";

        var error = SingleErrorOf(WithLine(3, line3));

        error.Should().Be(new InputError(FileName, 3, ColumnOf(line3, elasticity), "sectors.canola_oil.demand_elasticity",
            $"must be a number > 0 and ≤ 100, got {elasticity} (elasticities in published work are well below 100)"));
    }

    [Fact]
    public void A_trade_value_too_large_to_keep_small_changes_is_refused()
    {
        // The issue's reproducer: beside a value of 1e300 (ulp ≈ 1e284), the change of any ordinary flow vanishes from every sum.
        var line10 = "  - { importer: IDN, exporter: CAN, sector: canola_oil, value: 1e300, tariff: 5 }";

        var error = SingleErrorOf(WithLine(10, line10));

        error.Should().Be(new InputError(FileName, 10, ColumnOf(line10, "1e300"), "trade[0].value",
            "must be 0 or a number from 1e-6 to 1e9, got 1e300 (values are in the scenario's units: give larger flows in a larger unit, such as millions)"));
    }

    [Fact]
    public void A_positive_value_below_the_smallest_is_refused_and_zero_is_not()
    {
        var error = SingleErrorOf(WithLine(10, "  - { importer: IDN, exporter: CAN, sector: canola_oil, value: 1e-7, tariff: 5 }"));
        error.Message.Should().Be("must be 0 or a number from 1e-6 to 1e9, got 1e-7 (use 0 for no trade, or a smaller unit)");

        ScenarioLoader.Parse(WithLine(10, "  - { importer: IDN, exporter: CAN, sector: canola_oil, value: 0, tariff: 5 }"), FileName)
            .Trade[0].Value.Should().Be(0);
    }

    [Theory]
    [InlineData(3, "  canola_oil: { demand_elasticity: 1.2, substitution_elasticity: 100.5 }", "100.5", "sectors.canola_oil.substitution_elasticity",
        "must be a number > 0 and ≤ 100, got 100.5 (elasticities in published work are well below 100)")]
    [InlineData(3, "  canola_oil: { demand_elasticity: 1.2, substitution_elasticity: 6.6, supply_elasticity: 1000 }", "1000", "sectors.canola_oil.supply_elasticity",
        "must be a number > 0 and ≤ 100, or 'infinite', got 1000 (supply this elastic is infinite for every practical purpose: write 'infinite')")]
    [InlineData(3, "  canola_oil: { demand_elasticity: 1.2, substitution_elasticity: 6.6, markets: { IDN: { demand_elasticity: 101 } } }", "101",
        "sectors.canola_oil.markets.IDN.demand_elasticity", "must be a number > 0 and ≤ 100, got 101 (elasticities in published work are well below 100)")]
    [InlineData(11, "  - { importer: CAN, exporter: IDN, sector: footwear, value: 120, tariff: 20000 }", "20000", "trade[1].tariff",
        "must be a number from 0 to 10000 (percent), got 20000 (the highest tariffs in force are in the low thousands of percent)")]
    [InlineData(16, "      - { importer: IDN, exporter: CAN, sector: canola_oil, levels: [5, 12000] }", "12000", "negotiations[0].issues[0].levels[1]",
        "must be a number from 0 to 10000 (percent), got 12000 (the highest tariffs in force are in the low thousands of percent)")]
    [InlineData(17, "      - { importer: CAN, exporter: IDN, sector: footwear, from: 18, to: 1e5, steps: 4 }", "1e5", "negotiations[0].issues[1].to",
        "must be a number from 0 to 10000 (percent), got 1e5 (the highest tariffs in force are in the low thousands of percent)")]
    [InlineData(6, "  CAN: { name: Canada, lobby_weights: { footwear: 150 } }", "150", "countries.CAN.lobby_weights.footwear",
        "must be a number from 0 to 100, got 150 (producers' surplus would count more than a hundred times consumers')")]
    [InlineData(6, "  CAN: { name: Canada, partner_weights: { IDN: 1e3 } }", "1e3", "countries.CAN.partner_weights.IDN",
        "must be a number from 0 to 100, got 1e3 (exports to this partner would count more than a hundred times the default)")]
    [InlineData(6, "  CAN: { name: Canada, strategy: { type: time-dependent, e: 250 } }", "250", "countries.CAN.strategy.e",
        "must be a number from 0 to 100, got 250 (at e = 100 a negotiator already concedes almost everything on its first turn)")]
    public void A_number_past_its_range_is_refused_at_its_line_and_column_saying_why(int line, string replacement, string token, string path, string message)
    {
        var error = SingleErrorOf(WithLine(line, replacement));

        error.Should().Be(new InputError(FileName, line, ColumnOf(replacement, token), path, message));
    }

    [Fact]
    public void Domestic_values_have_the_range_of_trade_values()
    {
        const string row = "  - { country: CAN, sector: footwear, value: 2e9 }";
        var error = SingleErrorOf(Base + "domestic:\n" + row + "\n");

        error.Should().Be(new InputError(FileName, 19, ColumnOf(row, "2e9"), "domestic[0].value",
            "must be 0 or a number from 1e-6 to 1e9, got 2e9 (values are in the scenario's units: give larger flows in a larger unit, such as millions)"));
    }

    [Fact]
    public void The_bounds_themselves_are_accepted()
    {
        var scenario = ScenarioLoader.Parse(With(
            (3, "  canola_oil: { demand_elasticity: 100, substitution_elasticity: 100, supply_elasticity: 100, markets: { IDN: { demand_elasticity: 1e-9, substitution_elasticity: 100 } } }"),
            (6, "  CAN: { name: Canada, lobby_weights: { footwear: 100 }, partner_weights: { IDN: 100 }, strategy: { type: time-dependent, e: 100 } }"),
            (10, "  - { importer: IDN, exporter: CAN, sector: canola_oil, value: 1e9, tariff: 10000 }"),
            (11, "  - { importer: CAN, exporter: IDN, sector: footwear, value: 1e-6, tariff: 18 }"),
            (16, "      - { importer: IDN, exporter: CAN, sector: canola_oil, levels: [10000, 0] }")), FileName);

        scenario.Sector("canola_oil").Should().Be(new Sector("canola_oil", 100, 100, 100)
        {
            Markets = new IdMap<ElasticityOverride>([new("IDN", new ElasticityOverride(1e-9, 100))]),
        });
        scenario.Country("CAN").LobbyWeights["footwear"].Should().Be(100);
        scenario.Country("CAN").PartnerWeights["IDN"].Should().Be(100);
        scenario.Country("CAN").Strategy.Should().Be(StrategySpec.TimeDependent(100, 0));
        scenario.Trade.Select(t => t.Value).Should().Equal(1e9, 1e-6);
        scenario.Negotiations[0].Issues[0].Should().BeOfType<TariffIssueSpec>().Which.Levels.Should().Equal(10000, 0);
    }
}
