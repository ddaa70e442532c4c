using Simulation.Model.Scenarios;
using static Simulation.Model.Tests.Scenarios.LoaderAssertions;

namespace Simulation.Model.Tests.Scenarios;

/// <summary>
/// The <c>supply:</c> table (DESIGN §3.2, §6.1): rows <c>{ country, sector, total, elsewhere_elasticity? }</c>,
/// read into <see cref="Scenario.Supply"/>, and every mistake in it reported at once with line, column and path.
/// </summary>
public sealed class SupplyTableTests
{
    private static string With(string rows) => $$"""
        name: Supply
        sectors:
          canola: { demand_elasticity: 1.2, substitution_elasticity: 6, supply_elasticity: 3 }
        countries:
          CAN: {}
          CHN: {}
          ROW: {}
        trade:
          - { importer: CHN, exporter: CAN, sector: canola, value: 300, tariff: 9 }
          - { importer: CHN, exporter: ROW, sector: canola, value: 200, tariff: 9 }
        domestic:
          - { country: CAN, sector: canola, value: 100 }
        supply:
        {{rows}}
        """;

    [Fact]
    public void Rows_become_total_sales_in_file_order()
    {
        var scenario = ScenarioLoader.Parse(With("""
              - { country: ROW, sector: canola, total: 30000, elsewhere_elasticity: 2.5 }
              - { country: CAN, sector: canola, total: 400, estimate: { total: { low: 400, high: 900 } } }
            """), FileName);

        scenario.Supply.Should().Equal(new TotalSales("ROW", "canola", 30000, 2.5), new TotalSales("CAN", "canola", 400));
        scenario.Estimates.Should().ContainSingle().Which.Path.Should().Be("supply[1].total");
    }

    [Fact]
    public void A_total_below_the_listed_sales_names_the_row_and_both_numbers()
    {
        // CAN sells 300 to China and 100 at home: S = 400.
        var error = SingleErrorOf(With("  - { country: CAN, sector: canola, total: 350 }"));

        error.Line.Should().Be(14);
        error.Path.Should().Be("supply[0].total");
        error.Message.Should().Be("total 350 of CAN in canola is below its sales in the markets listed, S = 400 (trade and domestic rows); T must be at least S, the rest being sold elsewhere");
    }

    [Fact]
    public void Every_mistake_in_the_table_is_reported_at_once()
    {
        var errors = ErrorsOf(With("""
              - { country: CAN, sector: canola, total: 500 }
              - { country: CAN, sector: canola, total: 600 }
              - { country: USA, sector: canola, total: 1 }
              - { country: ROW, sector: canol, total: 1 }
              - { country: ROW, sector: canola, total: -5 }
              - { country: ROW, sector: canola, total: .nan }
              - { country: ROW, sector: canola, total: 900, elsewhere_elasticity: 0 }
              - { country: CHN, sector: canola, total: 50 }
              - { country: ROW, sector: canola, totl: 900 }
            """));

        errors.Select(e => (e.Line, e.Path)).Should().Equal(
            (15, "supply[1]"),
            (16, "supply[2].country"),
            (17, "supply[3].sector"),
            (18, "supply[4].total"),
            (19, "supply[5].total"),
            (20, "supply[6].elsewhere_elasticity"),
            (21, "supply[7]"),
            (22, "supply[8].total"),
            (22, "supply[8].totl"));
        errors[0].Message.Should().Be("duplicate total sales (country CAN, sector canola); the first is supply[0], line 14");
        errors[1].Message.Should().StartWith("unknown country 'USA'");
        errors[2].Message.Should().StartWith("unknown sector 'canol'");
        errors[6].Message.Should().Be("CHN sells no canola in the markets listed (no trade or domestic row); a total is for a supplier of those markets");
        errors.Should().OnlyContain(e => e.File == FileName);
    }

    [Fact]
    public void A_table_that_is_not_a_list_says_what_it_must_be()
    {
        var error = SingleErrorOf(With("  ROW: 30000"));

        error.Path.Should().Be("supply");
        error.Message.Should().Be("supply must be a list of total sales { country, sector, total }, got a mapping");
    }

    [Fact]
    public void A_scenario_in_utility_units_refuses_the_table()
    {
        var error = SingleErrorOf("""
            name: Utilities
            units: utility
            countries: { A: {}, B: {} }
            supply:
              - { country: A, sector: x, total: 1 }
            """);

        error.Path.Should().Be("supply");
        error.Message.Should().StartWith("a scenario in units: utility has no markets, so no supply:");
    }
}
