using Simulation.Model.Input;
using Simulation.Model.Scenarios;
using static Simulation.Model.Tests.Scenarios.LoaderAssertions;

namespace Simulation.Model.Tests.Scenarios;

/// <summary>Scenarios in <c>units: utility</c> (DESIGN §4.2): only discrete issues, no trade, u = V.</summary>
public sealed class UtilityUnitsTests
{
    private const string Text = """
        name: Holiday
        units: utility
        countries:
          ANN: { reservation: 0.3, discount: 0.9 }
          BOB: {}
        negotiations:
          - id: trip
            parties: [ANN, BOB]
            issues:
              - { id: Destination, values: [Paris, Rome], value: { ANN: [0.2, 0.6], BOB: [0.5, 0.1] } }
              - { id: Duration, values: [1 week, 2 weeks], value: { ANN: [0.1, 0.4], BOB: [0.4, 0.5] } }
            reservations: { BOB: 0.25 }
            discounts: { ANN: 0.95 }
        """;

    [Fact]
    public void A_utility_scenario_needs_no_trade_sectors_or_model()
    {
        var scenario = ScenarioLoader.Parse(Text, FileName);

        scenario.InUtilityUnits.Should().BeTrue();
        scenario.Trade.Should().BeEmpty();
        scenario.Sectors.Should().BeEmpty();
        var trip = scenario.Negotiation("trip");
        trip.InUtilityUnits.Should().BeTrue();
        trip.Issues.Should().AllBeOfType<DiscreteIssueSpec>();
        trip.Reservations.Should().Equal(new Dictionary<string, double> { ["BOB"] = 0.25 });
        trip.Discounts.Should().Equal(new Dictionary<string, double> { ["ANN"] = 0.95 });
        scenario.Country("ANN").Reservation.Should().Be(0.3);
        scenario.Country("ANN").Discount.Should().Be(0.9);
        scenario.Country("BOB").Reservation.Should().BeNull();
        scenario.Country("BOB").Discount.Should().BeNull();
    }

    [Fact]
    public void A_money_scenario_is_not_in_utility_units()
    {
        ScenarioLoader.Parse("name: x\n", FileName).InUtilityUnits.Should().BeFalse();
    }

    [Fact]
    public void Tariff_issues_trade_sectors_home_sales_and_a_model_are_refused_in_a_utility_scenario_all_at_once()
    {
        var text = """
            name: Mixed
            units: utility
            model: ces
            sectors:
              wine: { demand_elasticity: 1, substitution_elasticity: 2 }
            countries:
              ANN: {}
              BOB: {}
            trade:
              - { importer: ANN, exporter: BOB, sector: wine, value: 1, tariff: 5 }
            domestic:
              - { country: ANN, sector: wine, value: 1 }
            negotiations:
              - id: trip
                parties: [ANN, BOB]
                issues:
                  - { importer: ANN, exporter: BOB, sector: wine, levels: [5, 0] }
                  - { id: Destination, values: [Paris, Rome] }
            """;

        var errors = ErrorsOf(text);

        errors.Select(e => (e.Line, e.Path)).Should().Equal(
            (3, "model"), (5, "sectors"), (10, "trade"), (12, "domestic"), (17, "negotiations[0].issues[0]"));
        errors[0].Message.Should().Be("a scenario in units: utility has no markets, so no model: its discrete issues state the parties' utilities directly");
        errors[4].Message.Should().Be(
            "a scenario in units: utility has only discrete issues ({ id, values, value }); tariff issues need trade and a market model, which such a scenario has not");
    }

    [Fact]
    public void Reservations_and_discounts_out_of_range_or_for_non_parties_are_refused_all_at_once()
    {
        var text = Text
            .Replace("ANN: { reservation: 0.3, discount: 0.9 }", "ANN: { reservation: 1.5, discount: 0 }", StringComparison.Ordinal)
            .Replace("reservations: { BOB: 0.25 }", "reservations: { BOB: -0.1, CAT: 0.2 }", StringComparison.Ordinal)
            .Replace("discounts: { ANN: 0.95 }", "discounts: { ANN: 1.01 }", StringComparison.Ordinal);

        var errors = ErrorsOf(text);

        errors.Should().BeEquivalentTo(new[]
        {
            new InputError(FileName, 4, 23, "countries.ANN.reservation", "must be a utility from 0 to 1, got 1.5"),
            new InputError(FileName, 4, 38, "countries.ANN.discount", "must be a number > 0 and ≤ 1 (1: no discounting), got 0"),
            new InputError(FileName, 12, 26, "negotiations[0].reservations.BOB", "must be a utility from 0 to 1, got -0.1"),
            new InputError(FileName, 12, 32, "negotiations[0].reservations.CAT", "'CAT' is not a party of this negotiation (parties: ANN, BOB)"),
            new InputError(FileName, 13, 23, "negotiations[0].discounts.ANN", "must be a number > 0 and ≤ 1 (1: no discounting), got 1.01"),
        }, o => o.WithStrictOrdering());
    }
}
