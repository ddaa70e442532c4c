using Simulation.Model.Economics.Objectives;
using Simulation.Model.Economics;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Economics;

/// <summary>
/// The three objectives of DESIGN §3.3 on worlds small enough to compute by hand: first on sector
/// solutions written out directly (so only the objective formulas are under test), then on the
/// two-market gsim case whose closed form <see cref="GsimMarketModelTests"/> derives.
/// </summary>
public sealed class ObjectiveTests
{
    /// <summary>
    /// Dairy: CAN imports 100 → 80 from NZL (ΔCS −6, TR 10 → 15) beside its home producers, and
    /// exports 50 → 60 to USA and 20 → 25 to IDN; CAN's ΔPS is +3. Autos: CAN imports 40 → 50
    /// from CHN (ΔCS +4, TR 2 → 3); CAN's ΔPS is −4.
    /// </summary>
    private static readonly SectorSolution[] s_world =
    [
        new("dairy",
        [
            Market("CAN", "dairy", -6, 10, 15, Supplier("NZL", 100, 80), Supplier("CAN", 500, 510)),
            Market("USA", "dairy", 0, 0, 0, Supplier("CAN", 50, 60), Supplier("NZL", 200, 195)),
            Market("IDN", "dairy", 0, 0, 0, Supplier("CAN", 20, 25)),
        ],
        [new SupplierSupply("CAN", 570, 595, 1.01, 3), new SupplierSupply("NZL", 300, 275, 0.99, -2)], [], 0),
        new("autos",
        [
            Market("CAN", "autos", 4, 2, 3, Supplier("CHN", 40, 50), Supplier("CAN", 300, 290)),
        ],
        [new SupplierSupply("CAN", 300, 290, 0.98, -4), new SupplierSupply("CHN", 40, 50, 1, 0)], [], 0),
    ];

    private static readonly Country s_canada = new("CAN", "Canada", true, PoliticalObjective.Instance, StrategySpec.Default)
    {
        LobbyWeights = new IdMap<double>([new("dairy", 0.5)]),
        PartnerWeights = new IdMap<double>([new("USA", 0.8), new("IDN", 2)]),
    };

    [Fact]
    public void Measures_split_trade_and_welfare_as_the_design_defines_them()
    {
        var measures = CountryMeasures.For(s_canada, s_world);

        // ΔX by partner: USA +10, IDN +5; ΔM = (80 − 100) + (50 − 40) = −10; home sales are neither.
        measures.Trade.ExportsBefore.Should().Equal(new Dictionary<string, double> { ["IDN"] = 20, ["USA"] = 50 });
        measures.Trade.ExportsAfter.Should().Equal(new Dictionary<string, double> { ["IDN"] = 25, ["USA"] = 60 });
        measures.ExportsChange.Should().Be(15);
        measures.ImportsChange.Should().Be(-10);

        // ΔCS = −6 + 4, ΔTR = (15 − 10) + (3 − 2), ΔPS = 3 − 4: only CAN's own markets and its own supply count.
        measures.Welfare.Should().Be(new WelfareBreakdown(-2, 6, -1));
        measures.Welfare.Total.Should().Be(3);
        measures.ProducerSurplusBySector.Should().Equal(new Dictionary<string, double> { ["autos"] = -4, ["dairy"] = 3 });
    }

    [Fact]
    public void The_three_objectives_by_hand()
    {
        var measures = CountryMeasures.For(s_canada, s_world);

        // Mercantilist: Σ ω ΔX − ΔM = 0.8·10 + 2·5 − (−10) = 28.
        measures.MercantilistValue.Should().BeApproximately(28, 1e-12);
        // Welfare: ΔCS + ΔTR + ΔPS + Σ (ω − 1) ΔX = 3 + (−0.2·10 + 1·5) = 6.
        measures.WelfareValue.Should().BeApproximately(6, 1e-12);
        // Political: ΔCS + ΔTR + (1 + 0.5)·3 + (1 + 0)·(−4) + 3 = −2 + 6 + 4.5 − 4 + 3 = 7.5.
        measures.PoliticalValue.Should().BeApproximately(7.5, 1e-12);
        measures.ValueOf(MercantilistObjective.Instance).Should().Be(measures.MercantilistValue);
        measures.ValueOf(WelfareObjective.Instance).Should().Be(measures.WelfareValue);
        measures.ValueOf(PoliticalObjective.Instance).Should().Be(measures.PoliticalValue);
    }

    [Fact]
    public void Lobby_weights_raise_the_weight_of_producer_surplus_and_only_that()
    {
        var withoutLobbies = CountryMeasures.For(s_canada with { LobbyWeights = IdMap<double>.Empty }, s_world);
        var heavierDairy = CountryMeasures.For(s_canada with { LobbyWeights = new IdMap<double>([new("dairy", 2)]) }, s_world);

        withoutLobbies.PoliticalValue.Should().BeApproximately(withoutLobbies.WelfareValue, 1e-12, "with λ = 0 political is welfare");
        heavierDairy.PoliticalValue.Should().BeApproximately(6 + 2 * 3, 1e-12, "λ_dairy = 2 adds 2·ΔPS_dairy to welfare");
        heavierDairy.WelfareValue.Should().Be(withoutLobbies.WelfareValue, "λ plays no part in welfare");
        heavierDairy.MercantilistValue.Should().Be(withoutLobbies.MercantilistValue, "nor in mercantilism");
    }

    [Fact]
    public void Partner_weights_scale_exports_and_are_neutral_at_one()
    {
        var unweighted = CountryMeasures.For(s_canada with { PartnerWeights = IdMap<double>.Empty }, s_world);

        unweighted.MercantilistValue.Should().BeApproximately(15 - -10, 1e-12, "ω = 1: exports less imports");
        unweighted.WelfareValue.Should().BeApproximately(3, 1e-12, "ω = 1: welfare is ΔCS + ΔTR + ΔPS");
        unweighted.PartnerPremium.Should().Be(0);
        CountryMeasures.For(s_canada, s_world).WeightedExportsChange.Should().BeApproximately(0.8 * 10 + 2 * 5, 1e-12);
    }

    [Fact]
    public void Measures_of_several_sectors_are_the_sums_of_each_sector_s()
    {
        var together = CountryMeasures.For(s_canada, s_world);
        var dairy = CountryMeasures.For(s_canada, [s_world[0]]);
        var autos = CountryMeasures.For(s_canada, [s_world[1]]);

        foreach (var kind in GovernmentObjectives.Registry.Entries)
        {
            together.ValueOf(kind).Should().BeApproximately(dairy.ValueOf(kind) + autos.ValueOf(kind), 1e-12, "{0} is additive across sectors", kind);
        }
    }

    [Fact]
    public void On_the_two_market_gsim_case_the_objectives_follow_the_closed_form()
    {
        // S sells 100 to A and 100 to B; B imposes 100%; ε = 1, ε_x = 1: pw = √0.75, values after
        // A 100 and B 50, ΔTR_B = 50, ΔCS_A = −100 ln pw, ΔCS_B = −100 ln 2pw, ΔPS_S = −25
        // (see GsimMarketModelTests.The_closed_form_case_in_numbers).
        var sector = new Sector("goods", 1, 4, 1);
        var solution = GsimMarketModel.Instance.SolveSector(new SectorMarkets(sector,
        [
            new Market(new MarketKey("A", "goods"), sector, [new MarketSupplier("S", 100, 0)]),
            new Market(new MarketKey("B", "goods"), sector, [new MarketSupplier("S", 100, 0)]),
        ]), line => line.Importer == "B" ? 100 : 0);
        var pw = Math.Sqrt(0.75);
        Country Of(string id) => new(id, id, true, WelfareObjective.Instance, StrategySpec.Default);

        var s = CountryMeasures.For(Of("S"), [solution]);
        s.MercantilistValue.Should().BeApproximately(-50, 1e-9, "ΔX_A + ΔX_B = 0 − 50");
        s.WelfareValue.Should().BeApproximately(-25, 1e-9, "S has no market of its own: only ΔPS");
        CountryMeasures.For(Of("S") with { LobbyWeights = new IdMap<double>([new("goods", 0.5)]) }, [solution])
            .PoliticalValue.Should().BeApproximately(1.5 * -25, 1e-9);
        var sWithB = CountryMeasures.For(Of("S") with { PartnerWeights = new IdMap<double>([new("B", 2)]) }, [solution]);
        sWithB.MercantilistValue.Should().BeApproximately(2 * -50, 1e-9);
        sWithB.WelfareValue.Should().BeApproximately(-25 + (2 - 1) * -50, 1e-9);

        var b = CountryMeasures.For(Of("B"), [solution]);
        b.Welfare.Should().BeEquivalentTo(new { ConsumerSurplus = -100 * Math.Log(2 * pw), TariffRevenue = 50.0, ProducerSurplus = 0.0 },
            o => o.Using<double>(x => x.Subject.Should().BeApproximately(x.Expectation, 1e-9)).WhenTypeIs<double>());
        b.MercantilistValue.Should().BeApproximately(50, 1e-9, "imports fell by 50");

        var a = CountryMeasures.For(Of("A"), [solution]);
        a.WelfareValue.Should().BeApproximately(-100 * Math.Log(pw), 1e-9, "A gains from S's lower world price");
        a.MercantilistValue.Should().BeApproximately(0, 1e-9, "A's imports are still worth 100 at world prices");
    }

    private static SupplierEffect Supplier(string exporter, double before, double after) =>
        new(exporter, 0, 0, before, after, after, 0, 0, 1);

    private static MarketEffect Market(string importer, string sector, double consumerSurplus, double revenueBefore, double revenueAfter, params SupplierEffect[] suppliers) =>
        new(new MarketKey(importer, sector), suppliers, consumerSurplus, revenueBefore, revenueAfter);
}
