using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Scenarios;

/// <summary>
/// What <c>validate</c> warns of (DESIGN §3.2, "A complete world"): under gsim a finite-supply supplier
/// without a <c>supply:</c> total; under a model keeping world prices at 1 a total that would matter in gsim.
/// </summary>
public sealed class ScenarioWarningsTests
{
    private static Scenario Load(string model, string supply, string supplyElasticity = "3") => ScenarioLoader.Parse($$"""
        name: Warnings
        model: {{model}}
        sectors:
          canola: { demand_elasticity: 1.2, substitution_elasticity: 6, supply_elasticity: {{supplyElasticity}} }
        countries: { CAN: {}, CHN: {}, ROW: {} }
        trade:
          - { importer: CHN, exporter: CAN, sector: canola, value: 300, tariff: 9 }
          - { importer: CHN, exporter: ROW, sector: canola, value: 200, tariff: 9 }
        domestic:
          - { country: CHN, sector: canola, value: 50 }
        {{supply}}
        """, "warnings.yaml");

    [Fact]
    public void Under_gsim_every_finite_supply_supplier_without_a_total_is_named_with_its_sector()
    {
        var warnings = ScenarioWarnings.Of(Load("gsim", "supply: [{ country: ROW, sector: canola, total: 30000 }]"));

        warnings.Should().Equal(
            "CAN supplies canola with finite supply (ε_x = 3) and has no supply: total, so its whole output would be the few markets modelled " +
            "(300 in the scenario's units), which exaggerates how far its world price moves; give its total sales with " +
            "{ country: CAN, sector: canola, total: ... } under supply:",
            "CHN supplies canola with finite supply (ε_x = 3) and has no supply: total, so its whole output would be the few markets modelled " +
            "(50 in the scenario's units), which exaggerates how far its world price moves; give its total sales with " +
            "{ country: CHN, sector: canola, total: ... } under supply:");
    }

    [Fact]
    public void Infinite_supply_or_a_total_for_every_supplier_leaves_nothing_to_warn_of()
    {
        ScenarioWarnings.Of(Load("gsim", "", supplyElasticity: "infinite")).Should().BeEmpty();
        ScenarioWarnings.Of(Load("gsim", """
            supply:
              - { country: CAN, sector: canola, total: 300 }
              - { country: CHN, sector: canola, total: 900 }
              - { country: ROW, sector: canola, total: 30000 }
            """)).Should().BeEmpty();
    }

    [Fact]
    public void Under_ces_only_a_total_gsim_would_give_sales_elsewhere_is_warned_of()
    {
        // CAN's total equals its listed sales (nothing elsewhere, nothing lost); ROW's would sell 29,800 elsewhere.
        var warnings = ScenarioWarnings.Of(Load("ces", """
            supply:
              - { country: CAN, sector: canola, total: 300 }
              - { country: ROW, sector: canola, total: 30000 }
            """));

        warnings.Should().Equal("model ces keeps world prices at 1, so the supply: total of ROW in canola changes nothing (under gsim it would sell 29800 elsewhere)");
    }
}
