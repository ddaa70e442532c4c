using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Registries;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Negotiation;

public sealed class RepricingTests
{
    // Two sectors on the table: dairy (one line, 3 levels) and footwear (one line, 2 levels).
    private const string Text = """
        name: Reprice
        model: gsim
        sectors:
          dairy: { demand_elasticity: 1.5, substitution_elasticity: 5, supply_elasticity: 2 }
          footwear: { demand_elasticity: 1.2, substitution_elasticity: 4 }
        countries:
          AAA: { name: A, objective: welfare, strategy: { type: time-dependent, e: 1, opponent_model: frequency } }
          BBB: { name: B }
          ROW: { negotiates: false }
        trade:
          - { importer: AAA, exporter: BBB, sector: dairy, value: 100, tariff: 10 }
          - { importer: AAA, exporter: ROW, sector: dairy, value: 300, tariff: 10 }
          - { importer: BBB, exporter: AAA, sector: footwear, value: 80, tariff: 8 }
          - { importer: BBB, exporter: ROW, sector: footwear, value: 200, tariff: 8 }
        negotiations:
          - id: AB
            parties: [AAA, BBB]
            issues:
              - { importer: AAA, exporter: BBB, sector: dairy, levels: [10, 5, 0] }
              - { importer: BBB, exporter: AAA, sector: footwear, levels: [8, 0] }
        """;

    /// <summary>Counts the sector solves it passes on to the real model.</summary>
    private sealed class CountingModel(IMarketModel inner) : IMarketModel
    {
        public Dictionary<string, int> Solves { get; } = new(StringComparer.Ordinal);

        public string Name => inner.Name;

        public string Description => inner.Description;

        public IReadOnlyList<EntryParameter> Parameters => inner.Parameters;

        public SectorSolution SolveSector(SectorMarkets sector, Func<TariffLine, double> tariffAfterPercent)
        {
            Solves[sector.Sector.Name] = Solves.GetValueOrDefault(sector.Sector.Name) + 1;
            return inner.SolveSector(sector, tariffAfterPercent);
        }
    }

    [Fact]
    public void The_second_seat_at_a_table_reuses_the_first_seats_solves_and_values_them_bit_for_bit_as_alone()
    {
        var scenario = ScenarioLoader.Parse(Text, "reprice.yaml");
        var world = World.FromScenario(scenario);
        var counting = new CountingModel(scenario.Model);
        NegotiationSeat.Take(scenario, scenario.Negotiations[0], "AAA", world, counting);
        var solvedForA = new Dictionary<string, int>(counting.Solves);

        // B values the same combinations for B, A as seen (A has no lobby weights, so A itself) and A:
        // every one was valued for A's seat in this world, so nothing is solved again.
        var b = NegotiationSeat.Take(scenario, scenario.Negotiations[0], "BBB", world, counting);

        counting.Solves.Should().Equal(solvedForA);
        // The same numbers as a seat taken alone, in a world of its own, with no memo to draw on.
        var alone = NegotiationSeat.Take(scenario, scenario.Negotiations[0], "BBB", World.FromScenario(scenario));
        b.Preferences.Values.GroupValues.Should().HaveCount(2);
        for (var g = 0; g < 2; g++)
        {
            b.Preferences.Values.GroupValues[g].Select(BitConverter.DoubleToInt64Bits)
                .Should().Equal(alone.Preferences.Values.GroupValues[g].Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void A_reprice_keeps_the_negotiator_its_history_and_opponent_model_and_solves_only_the_changed_sector()
    {
        var scenario = ScenarioLoader.Parse(Text, "reprice.yaml");
        var world = World.FromScenario(scenario);
        var counting = new CountingModel(scenario.Model);
        var seat = NegotiationSeat.Take(scenario, scenario.Negotiations[0], "AAA", world, counting);
        // One solve of the current world per sector, plus one per combination but the first, whose
        // levels (10 and 8) are the tariffs in force, so it is the current world: dairy 1 + 2, footwear 1 + 1.
        counting.Solves.Should().Equal(new Dictionary<string, int> { ["dairy"] = 3, ["footwear"] = 2 });

        var negotiator = seat.Negotiator;
        var offers = new[] { new TurnRecord(1, 2, "BBB", MoveKind.Offer, Outcome.Of(0, 1)) };
        negotiator.Decide(new TurnContext(2, 20, offers[0].Offer, "BBB", MovesSince: offers), new Random(1));
        var model = (FrequencyOpponentModel)negotiator.OpponentModel;
        model.OffersSeen("BBB").Should().Be(1);
        var footwearBefore = negotiator.Preferences.Values.GroupValues[1].ToArray();
        var dairyBefore = negotiator.Preferences.Values.GroupValues[0].ToArray();

        // An event lowers A's dairy tariff on the rest of the world: only dairy changes.
        var changed = seat.Reprice(world.With([new TariffChange(new TariffLine("AAA", "ROW", "dairy"), 2)]));

        changed.Should().Equal("dairy");
        counting.Solves.Should().Equal(new Dictionary<string, int> { ["dairy"] = 6, ["footwear"] = 2 });
        seat.Negotiator.Should().BeSameAs(negotiator);
        negotiator.SeenMoves.Should().Equal(offers);
        negotiator.OpponentModel.Should().BeSameAs(model);
        model.OffersSeen("BBB").Should().Be(1);
        negotiator.Preferences.Values.GroupValues[1].Should().Equal(footwearBefore, "footwear's table is reused as it was");
        negotiator.Preferences.Values.GroupValues[0].Should().NotEqual(dairyBefore, "dairy is valued in the new world");

        // What the seat now holds is what a seat taken afresh in the new world holds.
        var fresh = NegotiationSeat.Take(scenario, scenario.Negotiations[0], "AAA", seat.World);
        negotiator.Preferences.Values.GroupValues.Should().BeEquivalentTo(fresh.Preferences.Values.GroupValues);
        negotiator.View.Opponents[0].PublicValues.GroupValues.Should().BeEquivalentTo(fresh.Negotiator.View.Opponents[0].PublicValues.GroupValues);

        // Nothing on the table changed: nothing is solved.
        seat.Reprice(seat.World.With([new TariffChange(new TariffLine("AAA", "ROW", "dairy"), 2)])).Should().BeEmpty();
        counting.Solves.Should().Equal(new Dictionary<string, int> { ["dairy"] = 6, ["footwear"] = 2 });
    }

    [Fact]
    public void Reservations_and_discounts_come_from_the_negotiation_then_the_country()
    {
        var parsed = ScenarioLoader.Parse(Text, "reprice.yaml");
        var scenario = parsed with
        {
            Countries = [.. parsed.Countries.Select(c => c.Id == "AAA" ? c with { Reservation = 0.4, Discount = 0.95 } : c)],
        };
        var negotiation = scenario.Negotiations[0] with
        {
            Reservations = new Dictionary<string, double> { ["BBB"] = 0.25 },
            Discounts = new Dictionary<string, double> { ["AAA"] = 0.9 },
        };
        var world = World.FromScenario(scenario);

        var a = NegotiationSeat.Take(scenario, negotiation, "AAA", world);
        a.Preferences.Reservation.Should().Be(0.4, "the country's reservation, the negotiation setting none for AAA");
        a.Discount.Should().Be(0.9, "the negotiation's discount wins over the country's 0.95");
        a.Negotiator.View.Opponents[0].Preferences.Reservation.Should().Be(0.25);
        a.Negotiator.View.Opponents[0].Discount.Should().Be(1, "BBB sets no discount anywhere");

        var b = NegotiationSeat.Take(scenario, scenario.Negotiations[0], "BBB", world);
        b.Discount.Should().Be(1);
        NegotiationSeat.ReservationOf(scenario, scenario.Negotiations[0], "BBB").Should().BeNull("derived from its values");
        NegotiationSeat.DiscountOf(scenario, scenario.Negotiations[0], "AAA").Should().Be(0.95);
    }

    [Theory]
    // u·δ^(m−1) (DESIGN §4.2): 0.8·0.9² = 0.648; turn 1 is undiscounted; δ = 1 never discounts.
    [InlineData(0.8, 0.9, 3, 0.648)]
    [InlineData(0.8, 0.9, 1, 0.8)]
    [InlineData(0.8, 1.0, 50, 0.8)]
    public void An_agreement_is_worth_its_utility_discounted_by_the_turn_of_its_offer(double utility, double delta, int turn, double expected) =>
        NegotiationView.Discounted(utility, delta, turn).Should().BeApproximately(expected, 1e-12);
}
