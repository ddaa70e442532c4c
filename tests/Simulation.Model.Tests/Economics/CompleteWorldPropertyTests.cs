using CsCheck;
using Simulation.Model.Economics;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Economics;

/// <summary>
/// Properties of gsim with sales elsewhere and two-level demand (DESIGN §3.2) on random sectors
/// (<see cref="RandomSectors"/>), each supplier given a random total T ≥ S and a random ε_R, every
/// market a random σ_D: every supplier clears Σ_i q_ij + R0_j pw_j^(−ε_R) = T_j pw_j^ε_x; the analytic
/// Jacobian agrees with finite differences; and totals equal to the listed sales with σ_D = σ_M leave
/// every number as it was, to the bit.
/// </summary>
public sealed class CompleteWorldPropertyTests
{
    private static readonly Gen<(RandomSector Random, double SigmaD, double[] Extra, double[] Elasticity)> s_sectors =
        from random in RandomSectors.WithSupply(Gen.Double[0.1, 20])
        from sigmaD in Gen.Double[0.3, 12]
        from extra in Gen.Double[0, 20].Array[5]
        from elasticity in Gen.Double[0.2, 4].Array[5]
        select (random, sigmaD, extra, elasticity);

    [Fact]
    public void Every_supplier_clears_its_listed_markets_and_its_sales_elsewhere()
    {
        s_sectors.SampleCases(sample =>
        {
            var (sector, totals) = Complete(sample);
            var solution = GsimMarketModel.Instance.SolveSector(sector, sample.Random.TariffAfter);
            var supplyElasticity = sector.Sector.SupplyElasticity;

            foreach (var supplier in solution.Suppliers)
            {
                var total = totals[supplier.Supplier];
                var listed = solution.Markets.SelectMany(m => m.Suppliers).Where(s => s.Exporter == supplier.Supplier).Sum(s => s.QuantityAfter);
                var elsewhere = (total.Total - Listed(sector, supplier.Supplier)) * Math.Pow(supplier.WorldPrice, -total.ElsewhereElasticity!.Value);
                var supplied = total.Total * Math.Pow(supplier.WorldPrice, supplyElasticity);
                (listed + elsewhere).Should().BeApproximately(supplied, 1e-9 * supplied, "{0} must clear", supplier.Supplier);
                supplier.ElsewhereAfter.Should().BeApproximately(supplier.WorldPrice * elsewhere, 1e-9 * supplied);
                supplier.ProducerSurplusChange.Should().BeApproximately(
                    total.Total * (Math.Pow(supplier.WorldPrice, 1 + supplyElasticity) - 1) / (1 + supplyElasticity), 1e-9 * total.Total);
            }
        }, seed: "0f-dysJ37fUme", cases: 300, print: s => s.Random.ToString());
    }

    [Fact]
    public void The_analytic_jacobian_matches_finite_differences()
    {
        (from sample in s_sectors from x in Gen.Double[-0.3, 0.3].Array[5] select (sample, x)).SampleCases(t =>
        {
            var (sector, _) = Complete(t.sample);
            var n = sector.Suppliers.Count;
            var x = t.x[..n];
            var jacobian = new double[n, n];
            GsimMarketModel.ClearingConditions(sector, t.sample.Random.TariffAfter, x, jacobian);

            const double h = 1e-6;
            for (var l = 0; l < n; l++)
            {
                var up = (double[])x.Clone();
                var down = (double[])x.Clone();
                up[l] += h;
                down[l] -= h;
                var fUp = GsimMarketModel.ClearingConditions(sector, t.sample.Random.TariffAfter, up, new double[n, n]);
                var fDown = GsimMarketModel.ClearingConditions(sector, t.sample.Random.TariffAfter, down, new double[n, n]);
                for (var k = 0; k < n; k++)
                {
                    var difference = (fUp[k] - fDown[k]) / (2 * h);
                    jacobian[k, l].Should().BeApproximately(difference, 1e-6 * (1 + Math.Abs(difference)), "∂F_{0}/∂x_{1}", k, l);
                }
            }
        }, seed: "eJmcKNocBDBT5", cases: 200, print: t => t.sample.Random.ToString());
    }

    [Fact]
    public void Totals_equal_to_the_listed_sales_and_equal_elasticities_change_no_bit()
    {
        RandomSectors.WithSupply(Gen.Double[0.1, 20]).SampleCases(random =>
        {
            var sector = random.Sector;
            var totals = sector.Suppliers.Select((s, k) => new TotalSales(s, sector.Sector.Name, sector.ListedSales(k))).ToList();
            // σ_D written out equal to σ_M everywhere: for the sector and in every market that overrides σ_M.
            var plain = sector.Sector;
            var overrides = plain.Markets.Select(o => new KeyValuePair<string, ElasticityOverride>(
                o.Key, o.Value with { DomesticSubstitutionElasticity = o.Value.SubstitutionElasticity ?? plain.SubstitutionElasticity }));
            var withSigma = plain with { DomesticSubstitutionElasticity = plain.SubstitutionElasticity, Markets = new IdMap<ElasticityOverride>(overrides) };
            var same = new SectorMarkets(withSigma, sector.Markets.Select(m => new Market(m.Key, withSigma, m.Suppliers)).ToList(), totals);

            var before = GsimMarketModel.Instance.SolveSector(sector, random.TariffAfter);
            var after = GsimMarketModel.Instance.SolveSector(same, random.TariffAfter);

            after.Suppliers.Should().Equal(before.Suppliers);
            after.Iterations.Should().Be(before.Iterations);
            for (var m = 0; m < before.Markets.Count; m++)
            {
                after.Markets[m].Suppliers.Should().Equal(before.Markets[m].Suppliers);
                after.Markets[m].ConsumerSurplusChange.Should().Be(before.Markets[m].ConsumerSurplusChange);
            }
        }, seed: "6yyfJI2OPLEmf", cases: 200, print: r => r.ToString());
    }

    /// <summary>
    /// The sample's sector with σ_D in every market (market overrides of σ_M keep it: the sector sets it) and a
    /// total for each supplier: its listed sales times 1 + extra, with its own ε_R.
    /// </summary>
    private static (SectorMarkets Sector, Dictionary<string, TotalSales> Totals) Complete(
        (RandomSector Random, double SigmaD, double[] Extra, double[] Elasticity) sample)
    {
        var plain = sample.Random.Sector;
        var sector = plain.Sector with { DomesticSubstitutionElasticity = sample.SigmaD };
        var markets = plain.Markets.Select(m => new Market(m.Key, sector, m.Suppliers)).ToList();
        var totals = plain.Suppliers.Select((s, k) => new TotalSales(s, sector.Name, plain.ListedSales(k) * (1 + sample.Extra[k]), sample.Elasticity[k]))
            .ToDictionary(t => t.Country, StringComparer.Ordinal);
        return (new SectorMarkets(sector, markets, totals.Values.ToList()), totals);
    }

    private static double Listed(SectorMarkets sector, string supplier) => sector.ListedSales(sector.IndexOf(supplier));
}
