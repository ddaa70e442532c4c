using Simulation.Model.Economics;
using Simulation.Model.Input;
using Simulation.Model.Scenarios;
using static Simulation.Model.Tests.Scenarios.LoaderAssertions;

namespace Simulation.Model.Tests.Scenarios;

/// <summary>
/// A tariff-rate quota on a trade flow (<c>quota: { volume, in_quota_tariff, rent }</c>, DESIGN §4.1):
/// how it loads, how the base data is priced under it, where its rent is counted, and the errors.
/// The market is that of tests/data/market-model-cases.csv case C: CAN buys 100 footwear from IDN
/// and 400 from ROW, both at 10%, ε = σ = 1.5, infinite supply, model ces.
/// </summary>
public sealed class TradeQuotaTests
{
    private static string Scenario(string quota) =>
        "name: Quota\n" +
        "model: ces\n" +
        "sectors:\n" +
        "  footwear: { demand_elasticity: 1.5, substitution_elasticity: 1.5 }\n" +
        "countries:\n" +
        "  CAN: { name: Canada }\n" +
        "  IDN: { name: Indonesia }\n" +
        "  ROW: { negotiates: false }\n" +
        "trade:\n" +
        $"  - {{ importer: CAN, exporter: IDN, sector: footwear, value: 100, tariff: 10{quota} }}\n" +
        "  - { importer: CAN, exporter: ROW, sector: footwear, value: 400, tariff: 10 }\n";

    private static readonly TariffLine Line = new("CAN", "IDN", "footwear");

    [Fact]
    public void A_quota_on_a_flow_is_read_with_the_flows_tariff_as_the_over_quota_tariff()
    {
        var scenario = ScenarioLoader.Parse(Scenario(", quota: { volume: 120, in_quota_tariff: 0, rent: exporter }"), FileName);

        scenario.Trade[0].Quota.Should().Be(new TariffRateQuota(120, 0, QuotaRentHolder.Exporter));
        var world = World.FromScenario(scenario);
        world.QuotaOf(Line).Should().Be(new TariffRateQuota(120, 0, QuotaRentHolder.Exporter));
        world.TariffOf(Line).Should().Be(10);
        world.Markets[0].Suppliers[0].BaseTariffPercent.Should().Be(0, "the base 100 is within the volume of 120, so it entered at the in-quota 0%");
    }

    [Fact]
    public void A_base_flow_above_its_quota_was_priced_at_the_over_quota_tariff_and_its_rent_held_by_the_exporter_is_not_revenue()
    {
        // Base: 100 > V = 80, so the quota is filled at the over-quota 10%; rent = 80 × (10% − 0%) = 8,
        // held by IDN. CAN's revenue before is 10% of 500 less the rent: 50 − 8 = 42; nothing changes.
        var world = World.FromScenario(ScenarioLoader.Parse(Scenario(", quota: { volume: 80, in_quota_tariff: 0, rent: exporter }"), FileName));

        world.Markets[0].Suppliers[0].BaseTariffPercent.Should().Be(10);
        var market = world.Solve(CesMarketModel.Instance).Single().Markets.Single();
        market.Suppliers[0].Quota!.RentBefore.Should().BeApproximately(8, 1e-12);
        market.Suppliers[0].Quota!.RentAfter.Should().BeApproximately(8, 1e-12);
        market.TariffRevenueBefore.Should().BeApproximately(42, 1e-12);
        market.TariffRevenueAfter.Should().BeApproximately(42, 1e-12);
    }

    [Fact]
    public void A_binding_quota_rent_held_by_the_exporter_is_counted_in_its_producers_surplus()
    {
        // A quota of 110 at 0% on IDN's line (over quota 10%): q_IDN = 100 ((1 + τ)/1.1)^(−1.5) = 110 gives
        // τ = 3.228012% and rent 110 × 0.03228012 = 3.550813 (see TariffRateQuotaTests), to IDN.
        // CAN: revenue 10% × 400 = 40 after, 50 before: ΔTR = −10. p̂_IDN = 1.03228012/1.1 = 0.93843647,
        // θ_IDN = 110/550 = 0.2, P̂ = (0.2 p̂^(−0.5) + 0.8)^(−2) = 0.98721193,
        // ΔCS = 550 (1 − P̂^(−0.5))/(−0.5) = 7.101625.
        var scenario = ScenarioLoader.Parse(Scenario(""), FileName);
        var world = World.FromScenario(scenario).WithQuotas([new QuotaChange(Line, new TariffRateQuota(110, 0, QuotaRentHolder.Exporter))]);

        var solutions = world.Solve(CesMarketModel.Instance);

        var idn = CountryMeasures.For(scenario.Countries.Single(c => c.Id == "IDN"), solutions);
        var can = CountryMeasures.For(scenario.Countries.Single(c => c.Id == "CAN"), solutions);
        idn.Welfare.ProducerSurplus.Should().BeApproximately(3.550813, 1e-6);
        can.Welfare.TariffRevenue.Should().BeApproximately(-10, 1e-6);
        can.Welfare.ConsumerSurplus.Should().BeApproximately(7.101625, 1e-6);
    }

    [Fact]
    public void An_in_quota_tariff_above_the_flows_tariff_is_an_error_at_the_in_quota_tariff()
    {
        var error = SingleErrorOf(Scenario(", quota: { volume: 80, in_quota_tariff: 12, rent: importer }"));

        error.Line.Should().Be(10);
        error.Path.Should().Be("trade[0].quota.in_quota_tariff");
        error.Message.Should().Be("the in-quota tariff 12 is above the flow's tariff 10, which is the over-quota tariff");
    }

    [Fact]
    public void Every_mistake_in_a_quota_is_reported_at_once()
    {
        var errors = ErrorsOf(Scenario(", quota: { volume: -5, in_quota_tariff: 0, rent: consumers, extra: 1 }"));

        errors.Select(e => e.Path).Should().BeEquivalentTo("trade[0].quota.extra", "trade[0].quota.volume", "trade[0].quota.rent");
        errors.Should().OnlyContain(e => e.File == FileName && e.Line == 10);
        errors.Single(e => e.Path.EndsWith(".rent", StringComparison.Ordinal)).Message
            .Should().Be("rent 'consumers' is unknown (available: importer, exporter): who holds the quota rent");
    }

    [Fact]
    public void A_quota_without_its_keys_names_each_missing_key()
    {
        var errors = ErrorsOf(Scenario(", quota: {}"));

        errors.Select(e => e.Message).Should().BeEquivalentTo(
            "missing required key 'volume'", "missing required key 'in_quota_tariff'", "missing required key 'rent'");
    }
}
