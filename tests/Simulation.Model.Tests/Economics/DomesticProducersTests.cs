using Simulation.Model.Economics.Objectives;
using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Economics;

/// <summary>
/// From a scenario file to the negotiators' values, with home producers and finite supply: the
/// world adds domestic sales as a zero-tariff supplier of the home market, gsim makes protection
/// have winners (import-competing producers), the political objective weighs them by 1 + λ, and a
/// negotiator's model of its opponent leaves the opponent's lobbies out (λ = 0, DESIGN §4.4).
/// </summary>
public sealed class DomesticProducersTests
{
    private const string Dairy = """
        name: Dairy
        model: gsim
        sectors:
          dairy: { demand_elasticity: 1.5, substitution_elasticity: 5, supply_elasticity: 2 }
        countries:
          CAN: { objective: political, lobby_weights: { dairy: 2 } }
          NZL: { objective: welfare }
          ROW: { negotiates: false }
        trade:
          - { importer: CAN, exporter: NZL, sector: dairy, value: 100, tariff: 50 }
          - { importer: CAN, exporter: ROW, sector: dairy, value: 100, tariff: 50 }
          - { importer: NZL, exporter: CAN, sector: dairy, value: 20, tariff: 10 }
        domestic:
          - { country: CAN, sector: dairy, value: 1000 }
          - { country: NZL, sector: dairy, value: 300 }
        negotiations:
          - id: CAN-NZL
            parties: [NZL, CAN]
            issues:
              - { importer: CAN, exporter: NZL, sector: dairy, levels: [50, 25, 0] }
              - { importer: NZL, exporter: CAN, sector: dairy, levels: [10, 0] }
        """;

    private static readonly Scenario s_scenario = ScenarioLoader.Parse(Dairy, "dairy.yaml");

    [Fact]
    public void Domestic_sales_join_the_home_market_at_zero_tariff_without_a_tariff_line()
    {
        var world = World.FromScenario(s_scenario);

        var canada = world.Markets.Single(m => m.Key == new MarketKey("CAN", "dairy"));
        canada.Suppliers.Should().Equal(new MarketSupplier("NZL", 100, 50), new MarketSupplier("ROW", 100, 50), new MarketSupplier("CAN", 1000, 0));
        canada.IsHome(canada.Suppliers[2]).Should().BeTrue();
        world.Trades(new TariffLine("CAN", "CAN", "dairy")).Should().BeFalse("home producers face no tariff that could be negotiated");
        world.MarketsOf("dairy").BaseSales(world.MarketsOf("dairy").IndexOf("CAN")).Should().Be(1020, "X0 is all of Canada's dairy sales, at home and abroad");
    }

    [Fact]
    public void A_market_with_only_home_sales_is_still_a_market()
    {
        var scenario = s_scenario with { Domestic = [.. s_scenario.Domestic, new DomesticSales("ROW", "dairy", 50)] };

        var world = World.FromScenario(scenario);

        world.Markets[^1].Key.Should().Be(new MarketKey("ROW", "dairy"));
        world.Markets[^1].Suppliers.Should().Equal(new MarketSupplier("ROW", 50, 0));
    }

    [Fact]
    public void Cutting_a_tariff_hurts_import_competing_producers_and_lobbies_weigh_that()
    {
        var world = World.FromScenario(s_scenario).With([new TariffChange(new TariffLine("CAN", "NZL", "dairy"), 0)]);

        var solution = world.Solve(GsimMarketModel.Instance).Should().ContainSingle().Subject;
        var canada = CountryMeasures.For(s_scenario.Country("CAN"), [solution]);

        solution.SupplierOf("CAN")!.WorldPrice.Should().BeLessThan(1, "Canadian dairy meets cheaper New Zealand imports");
        solution.SupplierOf("NZL")!.WorldPrice.Should().BeGreaterThan(1);
        canada.Welfare.ProducerSurplus.Should().BeLessThan(0);
        canada.Welfare.ConsumerSurplus.Should().BeGreaterThan(0);
        canada.PoliticalValue.Should().BeApproximately(canada.WelfareValue + 2 * canada.Welfare.ProducerSurplus, 1e-9, "λ_dairy = 2");
        canada.PoliticalValue.Should().BeLessThan(canada.WelfareValue);
    }

    [Fact]
    public void The_opponent_model_leaves_the_opponent_s_lobbies_out()
    {
        var world = World.FromScenario(s_scenario);
        var negotiation = s_scenario.Negotiations[0];
        var agenda = TariffAgenda.For(negotiation);
        var model = s_scenario.Model;

        var nzSeat = NegotiationSeat.Take(s_scenario, negotiation, "NZL", world);
        var canadaSeat = NegotiationSeat.Take(s_scenario, negotiation, "CAN", world);

        // New Zealand models Canada as a political government without lobbies (λ = 0), which is welfare.
        var canadaWithoutLobbies = agenda.ValuesFor(s_scenario.Country("CAN") with { Objective = WelfareObjective.Instance }, world, model);
        nzSeat.Negotiator.OpponentModel.Estimates[0].GroupValues.Should().BeEquivalentTo(canadaWithoutLobbies.GroupValues,
            o => o.Using<double>(x => x.Subject.Should().BeApproximately(x.Expectation, 1e-9)).WhenTypeIs<double>());

        // Canada itself values cutting its own tariff less than that model says: the lobby counts for it.
        var cut = new Outcome([2, 0]); // Canada at 0% on New Zealand, New Zealand keeps 10%
        canadaSeat.Preferences.Value(cut).Should().BeLessThan(nzSeat.Negotiator.OpponentModel.Estimates[0].Value(cut));
        // New Zealand has no lobbies: Canada's model of it is its true value function.
        canadaSeat.Negotiator.OpponentModel.Estimates[0].GroupValues.Should().BeEquivalentTo(nzSeat.Preferences.Values.GroupValues);
    }
}
