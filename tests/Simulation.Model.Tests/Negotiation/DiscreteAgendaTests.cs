using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios;
using Simulation.Model.Tests.Scenarios;

namespace Simulation.Model.Tests.Negotiation;

/// <summary>Discrete issues on an agenda: their groups, their values in both units, and how an outcome is described.</summary>
public sealed class DiscreteAgendaTests
{
    // The loader tests' base scenario (canola_oil and footwear lines) with a discrete issue whose
    // status quo is not worth 0 to CAN, so that money units visibly subtract it.
    private static readonly string s_mixed = ScenarioText.WithLine(17, ScenarioText.BaseLines[16] + "\n" +
        "      - { id: dispute_settlement, values: [none, panel, appellate], value: { CAN: [5, 40, 60], IDN: [0, 10, -20] } }");

    private const string Holiday = """
        name: Holiday
        units: utility
        countries:
          ANN: {}
          BOB: {}
        negotiations:
          - id: trip
            parties: [ANN, BOB]
            issues:
              - { id: Destination, values: [Paris, Rome], value: { ANN: [0.2, 0.6], BOB: [0.5, 0.1] } }
              - { id: Duration, values: [1 week, 2 weeks], value: { ANN: [0.1, 0.4], BOB: [0.4, 0.5] } }
        """;

    [Fact]
    public void A_discrete_issue_is_a_group_of_its_own_keyed_by_its_id_after_the_sectors_before_it()
    {
        var agenda = TariffAgenda.For(ScenarioLoader.Parse(s_mixed, "mixed.yaml").Negotiations[0]);

        agenda.Space.Groups.Select(g => (g.Key, string.Join(",", g.Issues), g.Size)).Should().Equal(
            ("canola_oil", "0", 3), ("footwear", "1", 5), ("dispute_settlement", "2", 3));
        agenda.Lines.Select(l => l.Sector).Should().Equal("canola_oil", "footwear");
        agenda.LineOf(2).Should().BeNull();
        AgendaSize.Of(agenda.Spec.Issues).MarketSolves.Should().Be(3 + 5, "discrete issues need no market solve");
    }

    [Fact]
    public void In_money_units_a_discrete_issue_adds_its_gain_over_the_status_quo_and_changes_no_tariff()
    {
        var scenario = ScenarioLoader.Parse(s_mixed, "mixed.yaml");
        var agenda = TariffAgenda.For(scenario.Negotiations[0]);
        var world = World.FromScenario(scenario);
        var model = scenario.Model;
        var values = agenda.ValuesFor([scenario.Country("CAN"), scenario.Country("IDN")], world, model);

        // CAN: [5, 40, 60] − 5 = [0, 35, 55]; IDN: [0, 10, −20] − 0.
        values[0].GroupValues[2].Should().Equal(0, 35, 55);
        values[1].GroupValues[2].Should().Equal(0, 10, -20);

        // Choosing "appellate" alone leaves every tariff at its status quo, so V is the issue's 55 and −20.
        var appellate = Outcome.Of(0, 0, 2);
        values[0].Value(appellate).Should().Be(55);
        values[1].Value(appellate).Should().Be(-20);
        agenda.ChangesOf(appellate).Select(c => (c.Line.Sector, c.TariffPercent)).Should().Equal(("canola_oil", 5), ("footwear", 18));
    }

    [Fact]
    public void An_outcome_is_described_as_tariffs_for_tariff_issues_and_value_names_for_discrete_ones()
    {
        var agenda = TariffAgenda.For(ScenarioLoader.Parse(s_mixed, "mixed.yaml").Negotiations[0]);

        // Levels [5, 2.5, 0] and 18 → 0 in 4 steps (18, 13.5, 9, 4.5, 0).
        agenda.Describe(Outcome.Of(1, 3, 1)).Should().Equal(
            new TariffDescription("IDN", "CAN", "canola_oil", 2.5),
            new TariffDescription("CAN", "IDN", "footwear", 4.5),
            new DiscreteDescription("dispute_settlement", "panel"));
    }

    [Fact]
    public void In_utility_units_the_values_are_the_utilities_without_normalisation()
    {
        var scenario = ScenarioLoader.Parse(Holiday, "holiday.yaml");
        var agenda = TariffAgenda.For(scenario.Negotiations[0]);
        var values = agenda.ValuesFor([scenario.Country("ANN"), scenario.Country("BOB")], World.FromScenario(scenario), scenario.Model);
        var ann = NegotiatorPreferences.InUtility(values[0]);
        var bob = NegotiatorPreferences.InUtility(values[1], reservation: 0.55);

        agenda.InUtilityUnits.Should().BeTrue();
        // ANN: Rome + 2 weeks = 0.6 + 0.4 = 1.0; Paris + 1 week = 0.2 + 0.1 = 0.3 (nothing subtracted).
        ann.Utility(Outcome.Of(1, 1)).Should().BeApproximately(1.0, 1e-15);
        ann.Utility(Outcome.Of(0, 0)).Should().BeApproximately(0.3, 1e-15);
        ann.Utility(Outcome.Of(1, 0)).Should().BeApproximately(0.7, 1e-15);
        (ann.MinUtility, ann.MaxUtility).Should().Be((0.2 + 0.1, 0.6 + 0.4));
        ann.Reservation.Should().Be(0, "nothing sets it");
        // BOB: Paris + 2 weeks = 0.5 + 0.5 = 1.0, Rome + 1 week = 0.1 + 0.4 = 0.5.
        bob.Utility(Outcome.Of(0, 1)).Should().BeApproximately(1.0, 1e-15);
        (bob.MinUtility, bob.MaxUtility).Should().Be((0.1 + 0.4, 0.5 + 0.5));
        bob.Reservation.Should().Be(0.55);
        agenda.ChangesOf(Outcome.Of(1, 1)).Should().BeEmpty();
        agenda.Describe(Outcome.Of(1, 0)).Should().Equal(new DiscreteDescription("Destination", "Rome"), new DiscreteDescription("Duration", "1 week"));
    }

    [Fact]
    public void The_economic_opponent_model_sees_the_values_in_the_file()
    {
        // The opponent as the public model sees it (λ = 0) keeps its id, so its table is the file's.
        var scenario = ScenarioLoader.Parse(s_mixed, "mixed.yaml");
        var agenda = TariffAgenda.For(scenario.Negotiations[0]);
        var asSeen = NegotiationSeat.OpponentAsSeen(scenario.Country("IDN"));
        var values = agenda.ValuesFor([asSeen], World.FromScenario(scenario), scenario.Model);

        values[0].GroupValues[2].Should().Equal(0, 10, -20);
    }

    [Fact]
    public void A_money_unit_party_with_an_explicit_reservation_keeps_it_and_normalises_as_before()
    {
        // V over two outcomes: −10 and 30. u = (V + 10)/40; derived r = (0 + 10)/40 = 0.25; given r = 0.6 wins.
        var space = OutcomeSpace.Separable(2);
        var values = new AdditiveValueFunction(space, [[-10.0, 30.0]]);

        new NegotiatorPreferences(values).Reservation.Should().Be(0.25);
        var given = new NegotiatorPreferences(values, reservation: 0.6);
        given.Reservation.Should().Be(0.6);
        given.Utility(Outcome.Of(1)).Should().Be(1);
        (given.MinUtility, given.MaxUtility).Should().Be((0, 1));
        FluentActions.Invoking(() => NegotiatorPreferences.InUtility(values, reservation: 1.5)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
