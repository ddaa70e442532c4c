using System.Text.Json;
using System.Text.Json.Nodes;
using Simulation.Model.Economics;
using Simulation.Model.Reporting;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Economics;

/// <summary>
/// The residual market of DESIGN §3.2 ("A complete world: sales elsewhere"): a supplier with a
/// <c>supply:</c> total T sells T − S outside the markets listed, with demand R = R0 pw^(−ε_R), and
/// clears Σ_i M_ij + R_j = T_j pw_j^ε_x. Checked against cases solved by hand in the comments, and
/// against the world without the row: no row and a total equal to the listed sales change no bit.
/// </summary>
public sealed class SalesElsewhereTests
{
    /// <summary>
    /// One supplier S sells 100 to each of markets A and B at 0% (ε = 1, σ plays no part with one
    /// supplier per market), and, by its total 400, 200 elsewhere; ε_x = 1. B imposes 100%.
    /// </summary>
    private static string Scenario(string elsewhereElasticity) => $$"""
        name: Elsewhere
        model: gsim
        sectors:
          goods: { demand_elasticity: 1, substitution_elasticity: 4, supply_elasticity: 1 }
        countries:
          A: {}
          B: {}
          S: {}
        trade:
          - { importer: A, exporter: S, sector: goods, value: 100, tariff: 0 }
          - { importer: B, exporter: S, sector: goods, value: 100, tariff: 0 }
        supply:
          - { country: S, sector: goods, total: 400{{elsewhereElasticity}} }
        """;

    [Fact]
    public void With_the_sector_s_elasticity_elsewhere_the_world_price_solves_the_clearing_equation_in_closed_form()
    {
        // Clearing with ε = ε_R = 1: A buys 100/pw, B 100/(2pw), elsewhere 200/pw; supply 400 pw.
        // 350/pw = 400 pw, so pw² = 7/8 (without the row, 150/pw = 200 pw and pw² = 3/4: the price falls further).
        // ΔPS = T (pw² − 1)/2 = 400 (7/8 − 1)/2 = −25; elsewhere after, at world prices, pw · 200/pw = 200.
        // ΔCS_A = −100 ln pw, ΔCS_B = −100 ln (2 pw).
        var pw = Math.Sqrt(7.0 / 8);
        var solution = Solve(Scenario(""));

        var supplier = solution.SupplierOf("S")!;
        supplier.WorldPrice.Should().BeApproximately(pw, 1e-12);
        supplier.BaseSales.Should().Be(400, "X0 is the total T");
        supplier.ProducerSurplusChange.Should().BeApproximately(-25, 1e-9);
        supplier.ElsewhereBefore.Should().Be(200);
        supplier.ElsewhereAfter.Should().BeApproximately(200, 1e-9);
        supplier.SalesAfter.Should().BeApproximately(400 * pw, 1e-9, "sales after include those elsewhere");
        solution.Markets[0].Suppliers[0].QuantityAfter.Should().BeApproximately(100 / pw, 1e-9);
        solution.Markets[1].Suppliers[0].QuantityAfter.Should().BeApproximately(50 / pw, 1e-9);
        solution.Markets[0].ConsumerSurplusChange.Should().BeApproximately(-100 * Math.Log(pw), 1e-9);
        solution.Markets[1].ConsumerSurplusChange.Should().BeApproximately(-100 * Math.Log(2 * pw), 1e-9);
    }

    [Fact]
    public void With_its_own_elasticity_elsewhere_the_world_price_is_the_root_of_the_clearing_cubic()
    {
        // ε_R = 2: 100/pw + 50/pw + 200/pw² = 400 pw, i.e. 8 pw³ − 3 pw − 4 = 0, whose root in (0, 2] is
        // found here by bisection (the cubic is increasing there: its derivative 24 pw² − 3 is positive from 0.36,
        // and it is negative below). ΔPS = 400 (pw² − 1)/2; elsewhere after pw · 200 pw^(−2) = 200/pw.
        var pw = Bisect(p => 8 * p * p * p - 3 * p - 4, 0.5, 2);
        var solution = Solve(Scenario(", elsewhere_elasticity: 2"));

        var supplier = solution.SupplierOf("S")!;
        supplier.WorldPrice.Should().BeApproximately(pw, 1e-12);
        supplier.ProducerSurplusChange.Should().BeApproximately(200 * (pw * pw - 1), 1e-9);
        supplier.ElsewhereAfter.Should().BeApproximately(200 / pw, 1e-9);
        solution.Markets[1].Suppliers[0].ValueAfter.Should().BeApproximately(50, 1e-9, "B's buyers spend 100 at consumer prices, half of it tariff");
    }

    [Fact]
    public void The_country_s_welfare_counts_its_producers_on_all_their_sales_and_reports_sales_elsewhere_apart()
    {
        // ε_R = 1 as above: ΔPS_S = −25; S's exports to A and B are worth 100 and 50 after (pw · q), its
        // sales elsewhere 200 before and after; they are not exports, and they sit in their own entry.
        var scenario = ScenarioLoader.Parse(Scenario(""), "elsewhere.yaml");
        var world = World.FromScenario(scenario).With([new TariffChange(new TariffLine("B", "S", "goods"), 100)]);

        var measures = CountryMeasures.For(scenario.Country("S"), world.Solve(scenario.Model));

        measures.Welfare.ProducerSurplus.Should().BeApproximately(-25, 1e-9);
        measures.Trade.ExportsAfter["A"].Should().BeApproximately(100, 1e-9);
        measures.Trade.ExportsAfter["B"].Should().BeApproximately(50, 1e-9);
        measures.Trade.ExportsAfter.Keys.Should().BeEquivalentTo(["A", "B"]);
        measures.Elsewhere.Should().ContainKey("goods").WhoseValue.Before.Should().Be(200);
        measures.Elsewhere["goods"].After.Should().BeApproximately(200, 1e-9);
        CountryMeasures.For(scenario.Country("A"), world.Solve(scenario.Model)).Elsewhere.Should().BeEmpty("A has no total");
    }

    [Fact]
    public void The_outcome_json_has_sales_elsewhere_by_sector_only_for_a_country_with_a_total()
    {
        // ε_R = 1 as above: S sells 200 elsewhere before and pw · 200/pw = 200 after.
        var scenario = ScenarioLoader.Parse(Scenario(""), "elsewhere.yaml");
        var world = World.FromScenario(scenario).With([new TariffChange(new TariffLine("B", "S", "goods"), 100)]);
        var countries = CountryOutcomes.For(scenario, world.Solve(scenario.Model));

        var s = JsonNode.Parse(JsonSerializer.Serialize(countries.Single(c => c.Id == "S"), RunOutcomeJson.Options))!;
        var a = JsonNode.Parse(JsonSerializer.Serialize(countries.Single(c => c.Id == "A"), RunOutcomeJson.Options))!.AsObject();

        s["elsewhere"]!["goods"]!["before"]!.GetValue<double>().Should().Be(200);
        s["elsewhere"]!["goods"]!["after"]!.GetValue<double>().Should().BeApproximately(200, 1e-9);
        s["exports"]!["before"]!.AsObject().Select(p => p.Key).Should().Equal("A", "B");
        a.ContainsKey("elsewhere").Should().BeFalse("A has no total, and the field is left out");
    }

    [Fact]
    public void Without_a_row_or_with_a_total_equal_to_the_listed_sales_every_number_is_the_same_to_the_bit()
    {
        // S sells 100 + 100 in the markets listed; a total of 200 leaves nothing elsewhere.
        var without = Solve(Scenario("").Replace("\nsupply:\n  - { country: S, sector: goods, total: 400 }", "", StringComparison.Ordinal));
        var equal = Solve(Scenario("").Replace("total: 400", "total: 200", StringComparison.Ordinal));

        without.SupplierOf("S")!.BaseSales.Should().Be(200, "the supply: row was removed");
        without.SupplierOf("S")!.WorldPrice.Should().BeLessThan(1);
        equal.SupplierOf("S")!.Should().Be(without.SupplierOf("S"));
        for (var m = 0; m < without.Markets.Count; m++)
        {
            equal.Markets[m].Suppliers.Should().Equal(without.Markets[m].Suppliers);
            equal.Markets[m].ConsumerSurplusChange.Should().Be(without.Markets[m].ConsumerSurplusChange);
            equal.Markets[m].TariffRevenueAfter.Should().Be(without.Markets[m].TariffRevenueAfter);
        }
    }

    [Fact]
    public void Under_ces_a_total_changes_nothing_and_sales_elsewhere_stay_at_their_base()
    {
        // ces has infinite supply: world prices stay at 1, so R = R0 pw^(−ε_R) = R0.
        var withRow = Solve(Scenario("").Replace("model: gsim", "model: ces", StringComparison.Ordinal));
        var without = Solve(Scenario("").Replace("model: gsim", "model: ces", StringComparison.Ordinal)
            .Replace("\nsupply:\n  - { country: S, sector: goods, total: 400 }", "", StringComparison.Ordinal));

        withRow.SupplierOf("S")!.ElsewhereAfter.Should().Be(200);
        withRow.SupplierOf("S")!.ProducerSurplusChange.Should().Be(0);
        for (var m = 0; m < without.Markets.Count; m++)
        {
            withRow.Markets[m].Suppliers.Should().Equal(without.Markets[m].Suppliers);
        }
    }

    private static SectorSolution Solve(string text)
    {
        var scenario = ScenarioLoader.Parse(text, "elsewhere.yaml");
        var world = World.FromScenario(scenario).With([new TariffChange(new TariffLine("B", "S", "goods"), 100)]);
        return world.Solve(scenario.Model).Single();
    }

    /// <summary>The root of an increasing <paramref name="f"/> in [lo, hi], to the last bit.</summary>
    private static double Bisect(Func<double, double> f, double lo, double hi)
    {
        f(lo).Should().BeNegative();
        f(hi).Should().BePositive();
        for (var i = 0; i < 200 && lo < hi; i++)
        {
            var mid = (lo + hi) / 2;
            if (mid <= lo || mid >= hi)
            {
                break;
            }

            (lo, hi) = f(mid) < 0 ? (mid, hi) : (lo, mid);
        }

        return (lo + hi) / 2;
    }
}
