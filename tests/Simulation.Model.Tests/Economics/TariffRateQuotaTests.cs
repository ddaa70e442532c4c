using Simulation.Model.Economics;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Economics;

/// <summary>
/// Tariff-rate quotas (DESIGN §4.1) on the two-supplier market of tests/data/market-model-cases.csv:
/// the importer buys 100 from A and 400 from B, both at 10%, with ε = σ = 1.5 and infinite supply.
/// A quota is put on A's line with an in-quota tariff of 0; the over-quota tariff is the line's 10%.
/// <para>
/// ces (and gsim with infinite supply, which must equal it): with σ = ε, q_j = M_j p̂_j^(−σ) P̂^(σ−ε)
/// = M_j p̂_j^(−1.5), so A's quantity depends on its own tariff equivalent τ only:
/// q_A(τ) = 100 ((1 + τ)/1.1)^(−1.5) and q_B stays 400.
/// q_A(0) = 100 · 1.1^1.5 = 115.368973 (case C); q_A(10%) = 100.
/// </para>
/// <para>
/// smart (case A): with d = (0.1 − τ)/1.1 = −Δ, TC_A = 1.5 · 100 · d = 150d and
/// TD_A = 100 · 400 · 1.5 d / (500 + 150d); q_A(0) = 124.255833 (case A); q_A(10%) = 100.
/// </para>
/// </summary>
public sealed class TariffRateQuotaTests
{
    private const double Tolerance = 1e-6;

    private static readonly TariffLine LineA = new("IMP", "A", "generic");

    public static TheoryData<string> ExactCesModels => ["ces", "gsim"];

    [Theory]
    [MemberData(nameof(ExactCesModels))]
    public void A_quota_above_demand_at_the_in_quota_tariff_is_just_the_in_quota_tariff(string model)
    {
        // V = 120 > q_A(0) = 115.368973: not binding, A pays 0%, no rent.
        var market = SolveWithQuota(model, new TariffRateQuota(120, 0, QuotaRentHolder.Importer));

        var a = market.Suppliers[0];
        a.QuantityAfter.Should().BeApproximately(115.368973, Tolerance, "100 · 1.1^1.5 (case C)");
        a.Quota!.State.Should().Be(QuotaState.NonBinding);
        a.Quota.TariffEquivalentPercent.Should().Be(0);
        a.Quota.RentAfter.Should().Be(0);
        a.Quota.FillRate.Should().BeApproximately(115.368973 / 120, Tolerance);
        market.Suppliers[1].QuantityAfter.Should().BeApproximately(400, Tolerance, "σ = ε: B's quantity does not depend on A's price");
        market.TariffRevenueAfter.Should().BeApproximately(40, Tolerance, "0 on A, 10% of 400 on B (case C's TR1)");
    }

    [Theory]
    [MemberData(nameof(ExactCesModels))]
    public void A_binding_quota_caps_the_quantity_at_the_volume_and_the_price_gap_is_the_rent(string model)
    {
        // V = 110: 100 ((1 + τ)/1.1)^(−1.5) = 110 gives 1 + τ = 1.1 (100/110)^(2/3) = 1.03228012,
        // τ = 3.228012%; rent = 110 × 0.03228012 = 3.550813, counted in the importer's revenue.
        var market = SolveWithQuota(model, new TariffRateQuota(110, 0, QuotaRentHolder.Importer));

        var a = market.Suppliers[0];
        a.QuantityAfter.Should().BeApproximately(110, 1e-9, "the quota caps A's imports at the volume");
        a.Quota!.State.Should().Be(QuotaState.Binding);
        a.Quota.TariffEquivalentPercent.Should().BeApproximately(3.228012, Tolerance);
        a.Quota.RentAfter.Should().BeApproximately(3.550813, Tolerance);
        a.Quota.FillRate.Should().BeApproximately(1, 1e-9);
        market.Suppliers[1].QuantityAfter.Should().BeApproximately(400, Tolerance);
        market.TariffRevenueAfter.Should().BeApproximately(40 + 3.550813, Tolerance, "B's 40 and the rent, the in-quota tariff being 0");
    }

    [Theory]
    [MemberData(nameof(ExactCesModels))]
    public void A_binding_quota_whose_rent_goes_to_the_exporter_leaves_the_importer_only_the_in_quota_revenue(string model)
    {
        var market = SolveWithQuota(model, new TariffRateQuota(110, 0, QuotaRentHolder.Exporter));

        var a = market.Suppliers[0];
        a.Quota!.RentAfter.Should().BeApproximately(3.550813, Tolerance);
        a.Quota.ExporterRentChange.Should().BeApproximately(3.550813, Tolerance, "there was no quota in the base");
        market.TariffRevenueAfter.Should().BeApproximately(40, Tolerance, "0% on A's 110 and 10% on B's 400");
    }

    [Theory]
    [InlineData("ces", 100, 10)]
    [InlineData("gsim", 100, 10)]
    [InlineData("smart", 100, 10)]
    [InlineData("ces", 80, 8)]
    [InlineData("gsim", 80, 8)]
    [InlineData("smart", 80, 8)]
    public void A_quota_filled_at_the_over_quota_tariff_gives_the_over_quota_result_and_the_whole_tariff_gap_as_rent(string model, double volume, double rent)
    {
        // At the over-quota 10% nothing changes: q_A = 100 ≥ V. Rent = V × (10% − 0%) at world price 1.
        var market = SolveWithQuota(model, new TariffRateQuota(volume, 0, QuotaRentHolder.Importer));

        var a = market.Suppliers[0];
        a.QuantityAfter.Should().BeApproximately(100, Tolerance, "the plain over-quota tariff, as in the base");
        a.Quota!.State.Should().Be(QuotaState.Filled);
        a.Quota.TariffEquivalentPercent.Should().Be(10);
        a.Quota.RentAfter.Should().BeApproximately(rent, Tolerance);
        a.Quota.FillRate.Should().Be(1);
        market.Suppliers[1].QuantityAfter.Should().BeApproximately(400, Tolerance);
        market.TariffRevenueAfter.Should().BeApproximately(50, Tolerance, "10% of 500, as before: the rent is part of it");
        market.ConsumerSurplusChange.Should().BeApproximately(0, Tolerance);
    }

    [Fact]
    public void Two_binding_quotas_in_one_market_each_cap_their_supplier()
    {
        // Quotas on both lines at 0% in quota: A's 110 as above (τ_A = 3.228012%, rent 3.550813);
        // B's 420: 400 ((1 + τ_B)/1.1)^(−1.5) = 420 gives τ_B = 1.1 (400/420)^(2/3) − 1 = 6.479618%,
        // rent 420 × 0.06479618 = 27.214397 (with σ = ε each quantity depends on its own price only).
        var sector = new Sector("generic", 1.5, 1.5, double.PositiveInfinity);
        var market = new Market(new MarketKey("IMP", sector.Name), sector, [new MarketSupplier("A", 100, 10), new MarketSupplier("B", 400, 10)]);
        var solution = TariffRateQuotas.Solve(
            CesMarketModel.Instance, new SectorMarkets(sector, [market]), _ => 10,
            line => line == LineA ? new TariffRateQuota(110, 0, QuotaRentHolder.Importer) : new TariffRateQuota(420, 0, QuotaRentHolder.Importer));

        var (a, b) = (solution.Markets[0].Suppliers[0], solution.Markets[0].Suppliers[1]);
        a.QuantityAfter.Should().BeApproximately(110, 1e-9);
        b.QuantityAfter.Should().BeApproximately(420, 1e-9);
        a.Quota!.TariffEquivalentPercent.Should().BeApproximately(3.228012, Tolerance);
        b.Quota!.TariffEquivalentPercent.Should().BeApproximately(6.479618, Tolerance);
        b.Quota.RentAfter.Should().BeApproximately(27.214397, Tolerance);
        solution.Markets[0].TariffRevenueAfter.Should().BeApproximately(3.550813 + 27.214397, Tolerance, "both rents, the in-quota tariffs being 0");
    }

    [Fact]
    public void Smart_with_a_quota_above_demand_at_the_in_quota_tariff_gives_case_A()
    {
        var market = SolveWithQuota("smart", new TariffRateQuota(130, 0, QuotaRentHolder.Importer));

        var a = market.Suppliers[0];
        a.Quota!.State.Should().Be(QuotaState.NonBinding);
        a.QuantityAfter.Should().BeApproximately(124.255833, Tolerance, "case A's new M_beneficiary");
        market.Suppliers[1].QuantityAfter.Should().BeApproximately(389.380531, Tolerance, "case A's new M_others");
        a.Quota.RentAfter.Should().Be(0);
    }

    [Fact]
    public void Smart_with_a_binding_quota_solves_the_Laird_Yeats_quantity_for_the_volume()
    {
        // q_A = 100 + 150d + 60000d/(500 + 150d) = 110. With x = 150d: x + 400x/(500 + x) = 10, so
        // x² + 890x − 5000 = 0, x = (−890 + √812100)/2 = 5.582956, d = 0.03721970,
        // τ = 0.1 − 1.1d = 5.905832%; rent = 110 × 0.05905832 = 6.496416;
        // B loses TD_A = 10 − x = 4.417044: q_B = 395.582956.
        var market = SolveWithQuota("smart", new TariffRateQuota(110, 0, QuotaRentHolder.Importer));

        var a = market.Suppliers[0];
        a.QuantityAfter.Should().BeApproximately(110, 1e-9);
        a.Quota!.State.Should().Be(QuotaState.Binding);
        a.Quota.TariffEquivalentPercent.Should().BeApproximately(5.905832, Tolerance);
        a.Quota.RentAfter.Should().BeApproximately(6.496416, Tolerance);
        market.Suppliers[1].QuantityAfter.Should().BeApproximately(395.582956, Tolerance);
    }

    [Fact]
    public void Gsim_with_finite_supply_caps_the_quantity_at_the_volume_and_prices_the_rent_at_the_new_world_price()
    {
        // Finite supply (ε_x = 2) moves A's world price; the cap and rent = V × pw_A × τ must still hold.
        var sector = new Sector("generic", 1.5, 1.5, 2);
        var market = SolveWithQuota("gsim", new TariffRateQuota(105, 0, QuotaRentHolder.Importer), sector);

        var a = market.Suppliers[0];
        a.QuantityAfter.Should().BeApproximately(105, 1e-9);
        a.Quota!.State.Should().Be(QuotaState.Binding);
        a.Quota.TariffEquivalentPercent.Should().BeInRange(0, 10);
        a.Quota.RentAfter.Should().BeApproximately(105 * a.WorldPrice * a.Quota.TariffEquivalentPercent / 100, 1e-12);
        a.WorldPrice.Should().BeGreaterThan(1, "A sells more than in the base, up its supply curve");
    }

    [Fact]
    public void An_in_quota_tariff_above_the_over_quota_tariff_is_refused()
    {
        var act = () => SolveWithQuota("ces", new TariffRateQuota(110, 20, QuotaRentHolder.Importer));

        act.Should().Throw<ArgumentException>().WithMessage("*in-quota tariff of 20% above its over-quota tariff of 10%*");
    }

    private static MarketEffect SolveWithQuota(string model, TariffRateQuota quota, Sector? sector = null)
    {
        sector ??= new Sector("generic", 1.5, 1.5, double.PositiveInfinity);
        var market = new Market(new MarketKey("IMP", sector.Name), sector, [new MarketSupplier("A", 100, 10), new MarketSupplier("B", 400, 10)]);
        var solution = TariffRateQuotas.Solve(
            MarketModels.Registry[model], new SectorMarkets(sector, [market]), _ => 10, line => line == LineA ? quota : null);
        return solution.Markets.Should().ContainSingle().Subject;
    }
}
