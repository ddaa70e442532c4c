using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Runs;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Model.Tests.Runs;

/// <summary>
/// Coupling through one finite supply (DESIGN §3.2, gsim): Canada sells canola to Indonesia and to
/// China and to no one else, with a supply curve X = X0·pw^εx. A deal in which Indonesia cuts its
/// canola tariff raises Canada's canola price, so the same Chinese cut is worth less to Canada at
/// the other table. The numbers are worked by hand in closed form, independently of the solver.
/// </summary>
/// <remarks>
/// Canada is the only supplier of each canola market, so the CES price index is its own price,
/// P̂ = p̂ = pw·τ̂ (τ̂ = (1 + t1)/(1 + t0)), and the quantity bought is M0·P̂^(−ε). With ε = 2 and
/// εx = 1, market clearing Σ_i M0_i (pw τ̂_i)^(−2) = X0·pw gives pw³ = A/X0 with
/// A = Σ_i M0_i τ̂_i^(−2), and Canada's canola exports at world prices are pw·X0·pw = X0^(1/3)·A^(2/3).
/// Here M0 = 100 (Indonesia, 10%) and 300 (China, 20%), X0 = 400.
/// </remarks>
public sealed class CouplingTests
{
    private const string Text = """
        name: Coupling through Canada's canola supply
        seed: 5
        model: gsim
        rounds: 20
        sectors:
          canola:   { demand_elasticity: 2, substitution_elasticity: 3, supply_elasticity: 1 }
          footwear: { demand_elasticity: 1.5, substitution_elasticity: 4, supply_elasticity: infinite }
          vehicles: { demand_elasticity: 1.5, substitution_elasticity: 4, supply_elasticity: infinite }
        countries:
          CAN: { name: Canada, strategy: linear, partner_weights: { IDN: 2, CHN: 2 } }
          IDN: { name: Indonesia, strategy: conceder }
          CHN: { name: China, strategy: boulware }
        trade:
          - { importer: IDN, exporter: CAN, sector: canola,   value: 100, tariff: 10 }
          - { importer: CHN, exporter: CAN, sector: canola,   value: 300, tariff: 20 }
          - { importer: CAN, exporter: IDN, sector: footwear, value: 80,  tariff: 18 }
          - { importer: CAN, exporter: CHN, sector: vehicles, value: 1200, tariff: 6 }
        negotiations:
          - id: CAN-CHN
            parties: [CAN, CHN]
            rounds: 20
            issues:
              - { importer: CHN, exporter: CAN, sector: canola,   levels: [20, 0] }
              - { importer: CAN, exporter: CHN, sector: vehicles, levels: [6, 0] }
          - id: CAN-IDN
            parties: [CAN, IDN]
            rounds: 6
            issues:
              - { importer: IDN, exporter: CAN, sector: canola,   levels: [10, 0] }
              - { importer: CAN, exporter: IDN, sector: footwear, levels: [18, 0] }
        """;

    private const double X0 = 400;

    /// <summary>Canada's canola exports at world prices, X0^(1/3)·A^(2/3), for the two tariffs (percent).</summary>
    private static double CanolaExports(double indonesiaTariff, double chinaTariff)
    {
        // τ̂^(−2) = ((1 + t1)/(1 + t0))^(−2), so the base gives A = 400 and pw = 1.
        var a = 100 * Math.Pow((1 + indonesiaTariff / 100) / 1.10, -2) + 300 * Math.Pow((1 + chinaTariff / 100) / 1.20, -2);
        return Math.Cbrt(X0) * Math.Pow(a, 2.0 / 3);
    }

    /// <summary>
    /// What China's cut is worth to a mercantilist Canada (DESIGN §3.3: exports are gains, here
    /// weighted ω = 2 for both partners) when Indonesia's tariff is <paramref name="indonesiaTariff"/>:
    /// twice its canola exports with China at 0 less with China at 20. By hand:
    /// 2·400·(1.33^(2/3) − 1) = 167.515 in the base world and
    /// 2·400·(1.3825^(2/3) − 1.0525^(2/3)) = 165.051 once Indonesia is at 0.
    /// </summary>
    private static double WorthOfChinasCut(double indonesiaTariff) =>
        2 * (CanolaExports(indonesiaTariff, 0) - CanolaExports(indonesiaTariff, 20));

    /// <summary>Canada's own vehicle cut 6 → 0 costs it ΔM = 1200·(1.06^1.5 − 1) at world prices (one supplier, infinite supply: ces).</summary>
    private static readonly double CostOfOwnVehicleCut = 1200 * (Math.Pow(1.06, 1.5) - 1);

    private static readonly Scenario Scenario = ScenarioLoader.Parse(Text, "coupling.yaml");

    private static readonly TariffLine IndonesianCanola = new("IDN", "CAN", "canola");

    [Fact]
    public void The_hand_formula_gives_the_numbers_quoted()
    {
        WorthOfChinasCut(10).Should().BeApproximately(167.515, 5e-4);
        WorthOfChinasCut(0).Should().BeApproximately(165.051, 5e-4);
        CostOfOwnVehicleCut.Should().BeApproximately(109.604, 5e-4);
    }

    [Fact]
    public void An_Indonesian_canola_deal_lowers_what_Chinas_canola_cut_is_worth_to_Canada_as_gsim_predicts()
    {
        var baseWorld = World.FromScenario(Scenario);
        var seat = NegotiationSeat.Take(Scenario, Scenario.Negotiation("CAN-CHN"), "CAN", baseWorld);
        // Outcome levels: (China's canola, Canada's vehicles), 0 = the tariff in force, 1 = the cut.
        var chinaCuts = Outcome.Of(1, 0);
        var nothing = Outcome.Of(0, 0);
        var both = Outcome.Of(1, 1);
        var before = seat.Preferences.Value(chinaCuts) - seat.Preferences.Value(nothing);
        var utilityOfBothBefore = seat.Preferences.Utility(both);

        seat.Reprice(baseWorld.With([new TariffChange(IndonesianCanola, 0)]));
        var after = seat.Preferences.Value(chinaCuts) - seat.Preferences.Value(nothing);
        var utilityOfBothAfter = seat.Preferences.Utility(both);

        before.Should().BeApproximately(WorthOfChinasCut(10), 1e-6);
        after.Should().BeApproximately(WorthOfChinasCut(0), 1e-6);
        after.Should().BeLessThan(before, "a higher canola price leaves Canada less to sell China at the margin");

        // Normalised over the table (0 = China keeps 20 and Canada cuts, 1 = China cuts and Canada
        // keeps 6), the swap of both cuts is worth a/(a + b) with a China's cut and b Canada's own:
        // its utility to Canada falls with a.
        utilityOfBothBefore.Should().BeApproximately(WorthOfChinasCut(10) / (WorthOfChinasCut(10) + CostOfOwnVehicleCut), 1e-6);
        utilityOfBothAfter.Should().BeApproximately(WorthOfChinasCut(0) / (WorthOfChinasCut(0) + CostOfOwnVehicleCut), 1e-6);
    }

    [Fact]
    public void With_infinite_canola_supply_the_Indonesian_deal_leaves_the_other_table_alone()
    {
        // ces: no shared supply curve, so the two canola markets are separate and China's cut is
        // worth 2·300·(1.2² − 1) = 264 to Canada in either world.
        var ces = ScenarioLoader.Parse(Text.Replace("model: gsim", "model: ces", StringComparison.Ordinal), "coupling-ces.yaml");
        var baseWorld = World.FromScenario(ces);
        var seat = NegotiationSeat.Take(ces, ces.Negotiation("CAN-CHN"), "CAN", baseWorld);
        var before = seat.Preferences.Value(Outcome.Of(1, 0)) - seat.Preferences.Value(Outcome.Of(0, 0));
        seat.Reprice(baseWorld.With([new TariffChange(IndonesianCanola, 0)]));
        var after = seat.Preferences.Value(Outcome.Of(1, 0)) - seat.Preferences.Value(Outcome.Of(0, 0));

        before.Should().BeApproximately(2 * 300 * (1.2 * 1.2 - 1), 1e-6);
        after.Should().BeApproximately(before, 1e-9);
    }

    [Fact]
    public async Task In_a_run_Canada_values_the_China_table_in_the_world_of_the_Indonesian_deal_once_it_is_agreed()
    {
        var result = await EngineRuns.PlayAsync(Scenario, Scenario.Seed);
        var idn = result.Negotiations.Single(n => n.Id == "CAN-IDN");
        var chn = result.Negotiations.Single(n => n.Id == "CAN-CHN");

        // The premise: Indonesia cut its canola tariff while the China table was still open.
        idn.Status.Should().Be(NegotiationStatus.Agreed);
        idn.Agreement![0].Should().Be(1, "Indonesia's canola tariff goes to 0");
        chn.Round.Should().BeGreaterThan(idn.Round);

        // Every offer at the China table is valued by Canada with the hand formula of its world.
        var offers = chn.History.Where(t => t.Offer is not null).ToList();
        offers.Should().Contain(t => t.Round <= idn.Round).And.Contain(t => t.Round > idn.Round);
        foreach (var turn in offers)
        {
            var indonesiaTariff = turn.Round <= idn.Round ? 10 : 0;
            var a = WorthOfChinasCut(indonesiaTariff);
            var b = CostOfOwnVehicleCut;
            // Values of the four outcomes relative to the table's status quo: 0, a, −b, a − b.
            var value = (turn.Offer![0] == 1 ? a : 0) - (turn.Offer[1] == 1 ? b : 0);
            var expected = (value + b) / (a + b);
            turn.Utilities[0].Should().BeApproximately(expected, 1e-6, $"Canada's utility of {turn.Offer} at round {turn.Round}");
        }

        // Each deal's gain is measured in the world in which it concluded. Indonesia's, in the base
        // world: twice Canada's canola exports gained, 2·400·((421/400)^(2/3) − 1) = 27.761, less its
        // footwear imports, 80·(1.18^1.5 − 1) = 22.545: 5.216. China's, after Indonesia's: both cuts,
        // 165.051 − 109.604 = 55.447 (it would be 167.515 − 109.604 = 57.911 in the base world).
        idn.Assessments["CAN"].Gain.Should().BeApproximately(2 * 400 * (Math.Pow(421.0 / 400, 2.0 / 3) - 1) - 80 * (Math.Pow(1.18, 1.5) - 1), 1e-6);
        idn.Assessments["CAN"].Gain.Should().BeApproximately(5.216, 5e-4);
        (chn.Status, chn.Agreement).Should().Be((NegotiationStatus.Agreed, Outcome.Of(1, 1)));
        chn.Assessments["CAN"].Gain.Should().BeApproximately(WorthOfChinasCut(0) - CostOfOwnVehicleCut, 1e-6);
        chn.Assessments["CAN"].Gain.Should().BeApproximately(55.447, 5e-4);
    }
}
