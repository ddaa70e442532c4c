using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Negotiation;

public sealed class TariffAgendaTests
{
    // gsim with finite supply in dairy, so a tariff on one dairy line moves the other through world
    // prices: dairy's two lines (issues 0 and 2) are one group of 3 × 3 combinations, footwear's
    // one line (issue 1) another of 2.
    private const string Text = """
        name: Agenda
        model: gsim
        sectors:
          dairy: { demand_elasticity: 1.5, substitution_elasticity: 5, supply_elasticity: 2 }
          footwear: { demand_elasticity: 1.2, substitution_elasticity: 4 }
        countries:
          AAA: { name: A, objective: welfare }
          BBB: { name: B }
          ROW: { negotiates: false }
        trade:
          - { importer: AAA, exporter: BBB, sector: dairy, value: 100, tariff: 10 }
          - { importer: AAA, exporter: ROW, sector: dairy, value: 300, tariff: 10 }
          - { importer: BBB, exporter: AAA, sector: dairy, value: 80, tariff: 8 }
          - { importer: BBB, exporter: ROW, sector: dairy, value: 200, tariff: 8 }
          - { importer: AAA, exporter: BBB, sector: footwear, value: 50, tariff: 12 }
          - { importer: AAA, exporter: ROW, sector: footwear, value: 500, tariff: 12 }
        negotiations:
          - id: AB
            parties: [AAA, BBB]
            issues:
              - { importer: AAA, exporter: BBB, sector: dairy, levels: [10, 5, 0] }
              - { importer: AAA, exporter: BBB, sector: footwear, levels: [12, 0] }
              - { importer: BBB, exporter: AAA, sector: dairy, levels: [8, 4, 0] }
        """;

    [Fact]
    public void Each_outcome_is_worth_the_objective_change_of_the_whole_world_with_its_tariffs()
    {
        // The per-sector tables, built by stepping through each sector's combinations, against the
        // definition V_c(ω) = U_c(world ⊕ ω) − U_c(world) computed on the whole world for each ω.
        var scenario = ScenarioLoader.Parse(Text, "agenda.yaml");
        var world = World.FromScenario(scenario);
        var model = scenario.Model;
        var agenda = TariffAgenda.For(scenario.Negotiations[0]);
        var countries = new[] { scenario.Country("AAA"), scenario.Country("BBB") };
        var values = agenda.ValuesFor(countries, world, model);

        agenda.Space.Groups.Select(g => (g.Key, g.Size)).Should().Equal(("dairy", 9), ("footwear", 2));
        foreach (var outcome in agenda.Space.EnumerateAll())
        {
            var after = world.With(agenda.ChangesOf(outcome)).Solve(model);
            for (var c = 0; c < countries.Length; c++)
            {
                var expected = Objective(countries[c], after) - Objective(countries[c], world.Solve(model));
                values[c].Value(outcome).Should().BeApproximately(expected, 1e-9, "{0} values {1}", countries[c].Id, outcome);
            }
        }
    }

    [Fact]
    public void An_agenda_too_large_to_value_is_refused_with_its_size_and_the_limit()
    {
        // Five sectors of two 1,000-level lines: 5 × 1,000,000 market solves, over the 1,000,000 allowed.
        var levels = Enumerable.Range(0, 1000).Select(i => 10 - i / 100.0).ToArray();
        var issues = Enumerable.Range(0, 5)
            .SelectMany(s => new[] { new TariffIssueSpec("AAA", "BBB", $"s{s}", levels), new TariffIssueSpec("BBB", "AAA", $"s{s}", levels) })
            .ToList();
        var spec = new NegotiationSpec("AB", ["AAA", "BBB"], NegotiationSpec.AlternatingOffers, 60, "AAA", issues, new Dictionary<string, StrategySpec>());

        FluentActions.Invoking(() => TariffAgenda.For(spec)).Should().Throw<ArgumentException>().WithMessage(
            "Negotiation AB is too large: valuing its outcomes takes 5,000,000 market solves, one per combination of levels " +
            "within each sector (s0: 1,000,000, s1: 1,000,000, s2: 1,000,000, ...); at most 1,000,000 are supported.*");
    }

    private static double Objective(Country country, IReadOnlyList<SectorSolution> solutions) =>
        CountryMeasures.For(country, solutions).ValueOf(country.Objective);
}
