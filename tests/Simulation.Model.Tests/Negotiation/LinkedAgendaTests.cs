using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Negotiation;

/// <summary>
/// Sectors linked by inputs are one unit of additivity (DESIGN §3.2, §4.2): a negotiation's seed and
/// oil issues make one group, whose values are those of the whole world solved for each outcome.
/// </summary>
public sealed class LinkedAgendaTests
{
    // China crushes seed (from Canada and ROW, and its own) into oil (sold at home and to ROW) at a
    // seed share of 0.7: X0 = 450, I0 = 315 of E0 = 500 in China's seed market. Footwear is unlinked.
    private const string Text = """
        name: Canola
        model: gsim
        sectors:
          seed: { demand_elasticity: 1.2, substitution_elasticity: 4, supply_elasticity: 2 }
          footwear: { demand_elasticity: 1.2, substitution_elasticity: 4 }
          oil: { demand_elasticity: 1.5, substitution_elasticity: 5, supply_elasticity: 3 }
        countries:
          CAN: { objective: welfare }
          CHN: { objective: political, lobby_weights: { oil: 1 } }
          ROW: { negotiates: false }
        trade:
          - { importer: CHN, exporter: CAN, sector: seed, value: 300, tariff: 0 }
          - { importer: CHN, exporter: ROW, sector: seed, value: 100, tariff: 0 }
          - { importer: CHN, exporter: CAN, sector: oil, value: 100, tariff: 9 }
          - { importer: ROW, exporter: CHN, sector: oil, value: 50, tariff: 0 }
          - { importer: CAN, exporter: CHN, sector: footwear, value: 200, tariff: 18 }
          - { importer: CAN, exporter: ROW, sector: footwear, value: 300, tariff: 18 }
        domestic:
          - { country: CHN, sector: seed, value: 100 }
          - { country: CHN, sector: oil, value: 400 }
        inputs:
          - { country: CHN, sector: oil, input: seed, share: 0.7 }
        negotiations:
          - id: CAN-CHN
            parties: [CAN, CHN]
            issues:
              - { importer: CHN, exporter: CAN, sector: seed, levels: [0, 25, 100] }
              - { importer: CAN, exporter: CHN, sector: footwear, levels: [18, 0] }
              - { importer: CHN, exporter: CAN, sector: oil, levels: [9, 50, 100] }
        """;

    private static readonly Scenario s_scenario = ScenarioLoader.Parse(Text, "canola.yaml");

    [Fact]
    public void Seed_and_oil_issues_are_one_group_whose_values_are_whole_world_solves()
    {
        var world = World.FromScenario(s_scenario);
        var model = s_scenario.Model;
        var agenda = TariffAgenda.For(s_scenario.Negotiations[0], s_scenario.Blocks);
        var countries = new[] { s_scenario.Country("CAN"), s_scenario.Country("CHN") };

        var values = agenda.ValuesFor(countries, world, model);

        agenda.Space.Groups.Select(g => (g.Key, g.Size)).Should().Equal(("seed + oil", 9), ("footwear", 2));
        AgendaSize.Of(agenda.Spec.Issues, s_scenario.Blocks).Sectors.Should().Equal(("seed + oil", 9.0), ("footwear", 2.0));
        var now = world.Solve(model);
        var seen = new HashSet<double>();
        foreach (var outcome in agenda.Space.EnumerateAll())
        {
            var after = world.With(agenda.ChangesOf(outcome)).Solve(model);
            for (var c = 0; c < countries.Length; c++)
            {
                var expected = Objective(countries[c], after) - Objective(countries[c], now);
                values[c].Value(outcome).Should().BeApproximately(expected, 1e-6, "{0} values {1}", countries[c].Id, outcome);
                seen.Add(Math.Round(expected, 6));
            }
        }

        seen.Count.Should().BeGreaterThan(10, "the outcomes are worth different amounts, so the comparison can fail");
    }

    [Fact]
    public void A_seed_tariff_lowers_chinese_oil_output_so_the_link_matters()
    {
        // Not additive by sector: what a seed tariff does to China's oil producers' surplus is lost
        // when seed is solved alone. With the link, a 100% seed tariff cuts Chinese oil output.
        var world = World.FromScenario(s_scenario).With([new TariffChange(new TariffLine("CHN", "CAN", "seed"), 100)]);

        var oil = world.Solve(s_scenario.Model).Single(s => s.Sector == "oil").SupplierOf("CHN")!;

        oil.SalesAfter.Should().BeLessThan(oil.BaseSales);
        oil.ProducerSurplusChange.Should().BeLessThan(0);
    }

    [Fact]
    public void A_change_in_any_sector_of_a_block_reprices_the_block()
    {
        // The agenda has a seed issue only; an event on the oil line (not on the table) changes
        // the values of seed through China's crushers, so the block's group is solved again.
        var spec = s_scenario.Negotiations[0] with { Issues = [s_scenario.Negotiations[0].Issues[0], s_scenario.Negotiations[0].Issues[1]] };
        var scenario = s_scenario with { Negotiations = [spec] };
        var world = World.FromScenario(scenario);
        var seat = NegotiationSeat.Take(scenario, spec, "CAN", world);

        var repriced = seat.Reprice(world.With([new TariffChange(new TariffLine("CHN", "CAN", "oil"), 50)]));

        repriced.Should().Equal("seed + oil");
        seat.Agenda.Sectors.Should().BeEquivalentTo(["seed", "oil", "footwear"]);
    }

    [Fact]
    public void An_agenda_too_large_once_sectors_are_linked_is_refused()
    {
        // Two sectors of one 1,001-level line each: 2,002 market solves apart, 1,002,001 as one block,
        // over the 1,000,000 allowed.
        var levels = Enumerable.Range(0, 1001).Select(i => 10 - i / 100.0).ToArray();
        var issues = new List<IssueSpec> { new TariffIssueSpec("AAA", "BBB", "s0", levels), new TariffIssueSpec("BBB", "AAA", "s1", levels) };
        var spec = new NegotiationSpec("AB", ["AAA", "BBB"], NegotiationSpec.AlternatingOffers, 60, "AAA", issues, new Dictionary<string, StrategySpec>());
        var blocks = LinkedBlocks.Of(["s0", "s1"], [new InputShare("AAA", "s1", "s0", 0.5)]);

        TariffAgenda.For(spec).Space.Groups.Should().HaveCount(2);
        FluentActions.Invoking(() => TariffAgenda.For(spec, blocks)).Should().Throw<ArgumentException>().WithMessage(
            "Negotiation AB is too large: valuing its outcomes takes 1,002,001 market solves, one per combination of levels within each sector (s0 + s1: 1,002,001)*");
    }

    private static double Objective(Country country, IReadOnlyList<SectorSolution> solutions) =>
        CountryMeasures.For(country, solutions).ValueOf(country.Objective);
}
