using CsCheck;
using Simulation.Model.Economics;
using Simulation.Model.Scenarios;
using Xunit.Abstractions;

namespace Simulation.Model.Tests.Economics;

/// <summary>
/// gsim (Francois &amp; Hall's GSIM, DESIGN §3.2): it is ces where supply is infinite and tends to
/// it as supply grows (properties on random sectors), it clears every supplier's market with
/// finite supply (property), and it matches a two-market case solved by hand in closed form.
/// </summary>
public sealed class GsimMarketModelTests(ITestOutputHelper output)
{
    [Fact]
    public void With_infinite_supply_gsim_equals_ces_on_random_sectors()
    {
        RandomSectors.WithSupply(Gen.Const(double.PositiveInfinity)).SampleCases(random =>
        {
            var gsim = GsimMarketModel.Instance.SolveSector(random.Sector, random.TariffAfter);
            var ces = CesMarketModel.Instance.SolveSector(random.Sector, random.TariffAfter);

            AssertSame(gsim, ces, 1e-9);
            gsim.Iterations.Should().Be(0);
        }, seed: "9tu7wCOOVCw04", cases: 500, print: r => r.ToString());
    }

    [Fact]
    public void As_supply_becomes_very_elastic_gsim_tends_to_ces()
    {
        // pw_j − 1 = O(1/ε_x): with ε_x ≥ 1e8 world prices move by less than ~1e-7, and so do flows relative to their size.
        RandomSectors.WithSupply(Gen.Double[1e8, 1e9]).SampleCases(random =>
        {
            var gsim = GsimMarketModel.Instance.SolveSector(random.Sector, random.TariffAfter);
            var ces = CesMarketModel.Instance.SolveSector(random.WithSupplyElasticity(double.PositiveInfinity).Sector, random.TariffAfter);

            gsim.Suppliers.Should().OnlyContain(s => Math.Abs(s.WorldPrice - 1) < 1e-6);
            AssertSame(gsim, ces, 1e-5, relative: true);
        }, seed: "eJmcKNocBDBT5", cases: 200, print: r => r.ToString());
    }

    [Fact]
    public void With_finite_supply_every_supplier_s_market_clears()
    {
        RandomSectors.WithSupply(Gen.Double[0.1, 20]).SampleCases(random =>
        {
            var solution = GsimMarketModel.Instance.SolveSector(random.Sector, random.TariffAfter);
            var supplyElasticity = random.Sector.Sector.SupplyElasticity;

            foreach (var supplier in solution.Suppliers)
            {
                var demanded = solution.Markets.SelectMany(m => m.Suppliers).Where(s => s.Exporter == supplier.Supplier).Sum(s => s.QuantityAfter);
                var supplied = supplier.BaseSales * Math.Pow(supplier.WorldPrice, supplyElasticity);
                Math.Abs(demanded - supplied).Should().BeLessThanOrEqualTo(1e-9 * supplied, "{0} must clear: Σ_i M_ij = X0_j pw_j^ε_x", supplier.Supplier);
                supplier.SalesAfter.Should().BeApproximately(demanded, 1e-9 * supplied);
                supplier.ProducerSurplusChange.Should().BeApproximately(
                    supplier.BaseSales * (Math.Pow(supplier.WorldPrice, 1 + supplyElasticity) - 1) / (1 + supplyElasticity), 1e-9 * supplier.BaseSales);
            }

            foreach (var market in solution.Markets)
            {
                // Values and revenue are at world prices: pw·q and t1·pw·q.
                foreach (var s in market.Suppliers)
                {
                    s.ValueAfter.Should().BeApproximately(s.WorldPrice * s.QuantityAfter, 1e-12 * (1 + s.ValueAfter));
                    s.WorldPrice.Should().Be(solution.SupplierOf(s.Exporter)!.WorldPrice, "one world price per supplier in all its markets");
                }

                market.TariffRevenueAfter.Should().BeApproximately(market.Suppliers.Sum(s => s.TariffAfter / 100 * s.ValueAfter), 1e-9 * (1 + market.TariffRevenueAfter));
            }
        }, seed: "0f-dysJ37fUme", cases: 500, print: r => r.ToString());
    }

    [Fact]
    public void Newton_takes_a_handful_of_iterations()
    {
        var iterations = new List<int>();
        RandomSectors.WithSupply(Gen.Double[0.1, 20]).SampleCases(random =>
        {
            var solution = GsimMarketModel.Instance.SolveSector(random.Sector, random.TariffAfter);
            iterations.Add(solution.Iterations);
            solution.Iterations.Should().BeLessThanOrEqualTo(25);
        }, seed: "6yyfJI2OPLEmf", cases: 500, print: r => r.ToString());

        var sorted = iterations.Order().ToList();
        output.WriteLine($"gsim Newton iterations over {sorted.Count} random sectors: median {sorted[sorted.Count / 2]}, " +
            $"90th percentile {sorted[sorted.Count * 9 / 10]}, max {sorted[^1]}, mean {sorted.Average():0.0}");
    }

    [Theory]
    // One supplier S sells 100 to each of markets A and B at 0%; B imposes 100%. With one supplier
    // per market σ plays no part: q_i = 100 p̂_i^(−ε), p̂_A = pw, p̂_B = 2 pw; supply X = 200 pw^ε_x, ε_x = 1.
    // ε = 1: 100/pw + 100/(2 pw) = 200 pw, so pw² = 3/4.
    // ε = 2: 100/pw² + 100/(4 pw²) = 200 pw, so pw³ = 5/8.
    [InlineData(1.0, 0.75, 2.0)]
    [InlineData(2.0, 0.625, 3.0)]
    public void One_supplier_selling_to_two_markets_matches_the_closed_form(double epsilon, double power, double exponent)
    {
        var pw = Math.Pow(power, 1 / exponent);
        var solution = TwoMarkets(epsilon, surtaxPercent: 100);

        var supplier = solution.Suppliers.Should().ContainSingle().Subject;
        supplier.WorldPrice.Should().BeApproximately(pw, 1e-12);
        var (a, b) = (solution.Markets[0], solution.Markets[1]);
        a.Suppliers[0].QuantityAfter.Should().BeApproximately(100 * Math.Pow(pw, -epsilon), 1e-9);
        b.Suppliers[0].QuantityAfter.Should().BeApproximately(100 * Math.Pow(2 * pw, -epsilon), 1e-9);
        a.Suppliers[0].ValueAfter.Should().BeApproximately(pw * 100 * Math.Pow(pw, -epsilon), 1e-9);
        b.TariffRevenueAfter.Should().BeApproximately(1.0 * pw * 100 * Math.Pow(2 * pw, -epsilon), 1e-9, "t1·pw·q");
        b.TariffRevenueBefore.Should().Be(0);

        // ΔCS_i = E0 (1 − P̂^(1−ε))/(1 − ε), or −E0 ln P̂ when ε = 1, with P̂_A = pw and P̂_B = 2pw;
        // ΔPS = X0 (pw^(1+ε_x) − 1)/(1 + ε_x) = 200 (pw² − 1)/2.
        double Cs(double p) => epsilon == 1 ? -100 * Math.Log(p) : 100 * (1 - Math.Pow(p, 1 - epsilon)) / (1 - epsilon);
        a.ConsumerSurplusChange.Should().BeApproximately(Cs(pw), 1e-9);
        b.ConsumerSurplusChange.Should().BeApproximately(Cs(2 * pw), 1e-9);
        supplier.ProducerSurplusChange.Should().BeApproximately(100 * (pw * pw - 1), 1e-9);
        supplier.SalesAfter.Should().BeApproximately(200 * pw, 1e-9);
    }

    [Fact]
    public void The_closed_form_case_in_numbers()
    {
        // ε = 1: pw = √0.75 = 0.866025; A's spending stays 100, B's is 100 at consumer prices
        // (50 at world prices plus 50 of tariff); ΔCS_A = −100 ln 0.866025 = 14.384104,
        // ΔCS_B = −100 ln 1.732051 = −54.930614, ΔPS = 200 (0.75 − 1)/2 = −25.
        var solution = TwoMarkets(1, surtaxPercent: 100);

        solution.Suppliers[0].WorldPrice.Should().BeApproximately(0.866025, 1e-6);
        solution.Markets[0].Suppliers[0].ValueAfter.Should().BeApproximately(100, 1e-9);
        solution.Markets[1].Suppliers[0].ValueAfter.Should().BeApproximately(50, 1e-9);
        solution.Markets[1].TariffRevenueAfter.Should().BeApproximately(50, 1e-9);
        solution.Markets[0].ConsumerSurplusChange.Should().BeApproximately(14.384104, 1e-6);
        solution.Markets[1].ConsumerSurplusChange.Should().BeApproximately(-54.930614, 1e-6);
        solution.Suppliers[0].ProducerSurplusChange.Should().BeApproximately(-25, 1e-9);
    }

    [Fact]
    public void Unchanged_tariffs_leave_world_prices_at_one_without_iterating()
    {
        var solution = TwoMarkets(1.5, surtaxPercent: 0);

        solution.Iterations.Should().Be(0);
        solution.Suppliers[0].WorldPrice.Should().Be(1);
        solution.Suppliers[0].ProducerSurplusChange.Should().Be(0);
        solution.Markets.SelectMany(m => m.Suppliers).Should().OnlyContain(s => s.ValueAfter == s.ValueBefore);
    }

    [Fact]
    public void A_sector_it_cannot_clear_throws_rather_than_returning_numbers()
    {
        // A tariff of NaN makes every excess demand NaN: the solver must say so, not report pw = 1.
        var sector = TwoMarketSector(1);

        var act = () => GsimMarketModel.Instance.SolveSector(sector, line => line.Importer == "B" ? double.NaN : 0);

        act.Should().Throw<EquilibriumNotFoundException>()
            .Where(e => e.Sector == "goods" && e.Message.StartsWith("gsim found no equilibrium in sector goods:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cut_in_one_market_raises_the_winner_s_world_price_in_every_market()
    {
        // The coupling DESIGN §3.2 describes: CAN and ROW sell canola to IDN and CHN; IDN cuts its
        // tariff on CAN only. CAN's world price rises, so CAN sells less to CHN and its value there moves.
        var sector = new Sector("canola", 1.2, 6.6, 3);
        var idn = new Market(new MarketKey("IDN", "canola"), sector, [new MarketSupplier("CAN", 60, 5), new MarketSupplier("ROW", 900, 5)]);
        var chn = new Market(new MarketKey("CHN", "canola"), sector, [new MarketSupplier("CAN", 500, 9), new MarketSupplier("ROW", 2000, 9)]);

        var solution = GsimMarketModel.Instance.SolveSector(new SectorMarkets(sector, [idn, chn]),
            line => line is { Importer: "IDN", Exporter: "CAN" } ? 0 : line.Importer == "IDN" ? 5 : 9);

        solution.SupplierOf("CAN")!.WorldPrice.Should().BeGreaterThan(1);
        solution.SupplierOf("ROW")!.WorldPrice.Should().BeLessThan(1);
        solution.Markets[1].Suppliers[0].QuantityAfter.Should().BeLessThan(500, "Canada's canola is dearer in China too");
        solution.SupplierOf("CAN")!.ProducerSurplusChange.Should().BeGreaterThan(0);
    }

    [Fact]
    public void A_doubled_price_against_sigma_100_clears_at_the_closed_form_prices()
    {
        // Found by a property at the edges of the ranges (CsCheck seed 0B0i560vV5X1): the line search gave up
        // although an equilibrium exists (see SigmaHundredClosedForm).
        var (a, b) = SigmaHundredClosedForm();

        var solution = GsimMarketModel.Instance.SolveSector(SigmaHundredMarket(), _ => 100);

        solution.SupplierOf("C0")!.WorldPrice.Should().BeApproximately(Math.Exp(a), 1e-9 * Math.Exp(a));
        solution.SupplierOf("C1")!.WorldPrice.Should().BeApproximately(Math.Exp(b), 1e-9 * Math.Exp(b));
        // Cleared: C1 sells X0·pw^ε_x = pw^0.1, worth pw^1.1.
        solution.Markets[0].Suppliers[1].ValueAfter.Should().BeApproximately(Math.Exp(1.1 * b), 1e-9);
    }

    [Fact]
    public void A_sigma_of_35_against_a_doubled_tariff_clears_every_supplier()
    {
        // Found by the property with published elasticities (CsCheck seed 6XDVRBv0pEw1): before the line
        // search allowed for its shortened steps, it gave up after 11 iterations with C3's excess demand at 1e7.
        var sector = new Sector("goods", 0.1, 35, 0.1);
        var market = new Market(new MarketKey("C0", "goods"), sector,
        [
            new MarketSupplier("C0", 1, 0), new MarketSupplier("C1", 1e9, 5), new MarketSupplier("C2", 1e-6, 5), new MarketSupplier("C3", 1, 100),
        ]);
        var after = new Dictionary<string, double> { ["C1"] = 100, ["C2"] = 100, ["C3"] = 0 };

        var solution = GsimMarketModel.Instance.SolveSector(new SectorMarkets(sector, [market]), line => after[line.Exporter]);

        foreach (var supplier in solution.Suppliers)
        {
            var supplied = supplier.BaseSales * Math.Pow(supplier.WorldPrice, 0.1);
            supplier.SalesAfter.Should().BeApproximately(supplied, 1e-9 * supplied, "{0} must clear: Σ_i M_ij = X0_j pw_j^ε_x", supplier.Supplier);
        }

        solution.SupplierOf("C3")!.WorldPrice.Should().BeGreaterThan(1, "C3's duty went from 100% to 0");
    }

    [Fact]
    public void Reaching_the_iteration_cap_is_an_error_that_says_so()
    {
        // The σ = 100 case needs dozens of Newton steps; with one allowed per solve, neither the direct attempt
        // nor continuation (ten steps in all) gets there, and the error says how far each went.
        var act = () => new GsimMarketModel(maxIterations: 1).SolveSector(SigmaHundredMarket(), _ => 100);

        var failure = act.Should().Throw<EquilibriumNotFoundException>().Which;
        failure.Message.Should().StartWith("gsim found no equilibrium in sector goods: no convergence in 1 iterations (after 1 iterations, ")
            .And.EndWith("continuation (the change applied in steps) used its 10 Newton steps and stopped at 0% of the change.");
        failure.Iterations.Should().Be(10);
        failure.LargestImbalance.Should().BeGreaterThan(GsimMarketModel.Tolerance);
    }

    [Fact]
    public void When_the_direct_attempt_stops_at_its_cap_continuation_still_reaches_the_closed_form()
    {
        // The σ = 100 case above: from the base prices Newton needs dozens of steps. Allowed four per solve,
        // the direct attempt stops, and the change applied in steps, each from the last one's prices, reaches
        // the closed-form prices within the budget of forty.
        var (a, b) = SigmaHundredClosedForm();

        var solution = new GsimMarketModel(maxIterations: 4).SolveSector(SigmaHundredMarket(), _ => 100);

        solution.SupplierOf("C0")!.WorldPrice.Should().BeApproximately(Math.Exp(a), 1e-9 * Math.Exp(a));
        solution.SupplierOf("C1")!.WorldPrice.Should().BeApproximately(Math.Exp(b), 1e-9 * Math.Exp(b));
        solution.Iterations.Should().BeInRange(5, 40, "more than the direct attempt's four, within the budget");
    }

    /// <summary>
    /// One market C0 buying from its home producers (1e-6, untaxed) and from C1 (1, 0% → 100%), each selling
    /// only there; ε = 0.5, σ = 100, ε_x = 0.1.
    /// </summary>
    private static SectorMarkets SigmaHundredMarket()
    {
        var sector = new Sector("goods", 0.5, 100, 0.1);
        return new SectorMarkets(sector, [new Market(new MarketKey("C0", "goods"), sector, [new MarketSupplier("C0", 1e-6, 0), new MarketSupplier("C1", 1, 0)])]);
    }

    /// <summary>
    /// (a, b) = (ln pw_C0, ln pw_C1) for <see cref="SigmaHundredMarket"/>, by hand. With L = ln P̂, clearing
    /// −σ(ln p̂_j − L) − εL = ε_x ln pw_j gives 99.5 L = 100.1 a and b = a − (100/100.1) ln 2; the price index
    /// e^(−99L) = θ0 e^(−99a) + θ1 (2 e^b)^(−99) then gives e^(−99a·0.6/99.5) = c with
    /// c = θ0 + θ1 e^(−99 ln 2 · 0.1/100.1), so a = −99.5 ln c/59.4.
    /// </summary>
    private static (double A, double B) SigmaHundredClosedForm()
    {
        var theta0 = 1e-6 / (1 + 1e-6);
        var c = theta0 + (1 - theta0) * Math.Exp(-99 * Math.Log(2) * 0.1 / 100.1);
        var a = -99.5 * Math.Log(c) / 59.4;
        return (a, a - 100 / 100.1 * Math.Log(2));
    }

    private static SectorSolution TwoMarkets(double epsilon, double surtaxPercent) =>
        GsimMarketModel.Instance.SolveSector(TwoMarketSector(epsilon), line => line.Importer == "B" ? surtaxPercent : 0);

    private static SectorMarkets TwoMarketSector(double epsilon)
    {
        var sector = new Sector("goods", epsilon, 4, 1);
        return new SectorMarkets(sector,
        [
            new Market(new MarketKey("A", "goods"), sector, [new MarketSupplier("S", 100, 0)]),
            new Market(new MarketKey("B", "goods"), sector, [new MarketSupplier("S", 100, 0)]),
        ]);
    }

    private static void AssertSame(SectorSolution actual, SectorSolution expected, double tolerance, bool relative = false)
    {
        double Scale(double x) => relative ? 1 + Math.Abs(x) : 1;
        actual.Markets.Should().HaveSameCount(expected.Markets);
        for (var m = 0; m < expected.Markets.Count; m++)
        {
            var (a, e) = (actual.Markets[m], expected.Markets[m]);
            a.Key.Should().Be(e.Key);
            a.ConsumerSurplusChange.Should().BeApproximately(e.ConsumerSurplusChange, tolerance * Scale(e.ConsumerSurplusChange));
            a.TariffRevenueAfter.Should().BeApproximately(e.TariffRevenueAfter, tolerance * Scale(e.TariffRevenueAfter));
            a.TariffRevenueBefore.Should().Be(e.TariffRevenueBefore);
            for (var j = 0; j < e.Suppliers.Count; j++)
            {
                a.Suppliers[j].Exporter.Should().Be(e.Suppliers[j].Exporter);
                a.Suppliers[j].ValueAfter.Should().BeApproximately(e.Suppliers[j].ValueAfter, tolerance * Scale(e.Suppliers[j].ValueAfter));
                a.Suppliers[j].QuantityAfter.Should().BeApproximately(e.Suppliers[j].QuantityAfter, tolerance * Scale(e.Suppliers[j].QuantityAfter));
            }
        }
    }
}
