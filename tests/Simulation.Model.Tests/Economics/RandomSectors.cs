using System.Globalization;
using CsCheck;
using Simulation.Model.Economics;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Economics;

/// <summary>
/// Random sectors for property tests: 2–5 countries C0…, 1 to all of them importing; each market
/// buys from a random subset of the countries (its own home producers included, at zero tariff),
/// base values in [1, 1000], tariffs before in [0, 50]% and after in [0, 150]% (cuts and surtaxes),
/// ε in [0.2, 4] and σ in [0.3, 12], some markets overriding the sector's.
/// </summary>
internal static class RandomSectors
{
    public static Gen<RandomSector> WithSupply(Gen<double> supplyElasticity) =>
        from countries in Gen.Int[2, 5]
        from markets in Gen.Int[1, countries]
        from cells in Gen.Select(Gen.Bool, Gen.Double[1, 1000], Gen.Double[0, 50], Gen.Double[0, 150]).Array[countries * markets]
        from demand in Gen.Double[0.2, 4].Array[markets + 1]
        from substitution in Gen.Double[0.3, 12].Array[markets + 1]
        from overridden in Gen.Bool.Array[markets]
        from supply in supplyElasticity
        select Build(countries, markets, cells, demand, substitution, overridden, supply);

    /// <summary>
    /// Sectors at the edges of what scenario files may hold (<see cref="ScenarioRanges"/>): values 0, 1e-6
    /// and 1e9 beside ordinary ones, tariffs 0 and 10,000% before and after, elasticities from 0.001 to
    /// 100, export supply from 0.001 to 100 or infinite.
    /// </summary>
    public static Gen<RandomSector> AtTheEdgesOfTheRanges { get; } =
        from countries in Gen.Int[2, 4]
        from markets in Gen.Int[1, countries]
        from cells in Gen.Select(
            Gen.Bool,
            Gen.OneOfConst(0, ScenarioRanges.MinPositiveValue, 1, 1e3, ScenarioRanges.MaxValue),
            Gen.OneOfConst(0, 5, 100, ScenarioRanges.MaxTariffPercent),
            Gen.OneOfConst(0, 5, 100, ScenarioRanges.MaxTariffPercent)).Array[countries * markets]
        from demand in Gen.OneOfConst(1e-3, 0.5, 1, 4, ScenarioRanges.MaxElasticity).Array[markets + 1]
        from substitution in Gen.OneOfConst(1e-3, 0.5, 1, 4, ScenarioRanges.MaxElasticity).Array[markets + 1]
        from overridden in Gen.Bool.Array[markets]
        from supply in Gen.OneOfConst(1e-3, 0.1, 1.5, ScenarioRanges.MaxElasticity, double.PositiveInfinity)
        select Build(countries, markets, cells, demand, substitution, overridden, supply);

    /// <summary>
    /// Sectors with elasticities and tariffs as published work has them, at their extremes: ε from 0.1
    /// to 10 (Kee, Nicita &amp; Olarreaga 2008), σ from 0.5 to 35 (GTAP's Armington elasticities reach
    /// about 34), export supply from 0.1 to 100 or infinite, tariffs from 0 to 1,000% before and after,
    /// values from 1e-6 to 1e9.
    /// </summary>
    public static Gen<RandomSector> WithPublishedElasticities { get; } =
        from countries in Gen.Int[2, 4]
        from markets in Gen.Int[1, countries]
        from cells in Gen.Select(
            Gen.Bool,
            Gen.OneOfConst(0, ScenarioRanges.MinPositiveValue, 1, 1e3, ScenarioRanges.MaxValue),
            Gen.OneOfConst(0.0, 5, 100, 1000),
            Gen.OneOfConst(0.0, 5, 100, 1000)).Array[countries * markets]
        from demand in Gen.OneOfConst(0.1, 0.5, 1, 4, 10).Array[markets + 1]
        from substitution in Gen.OneOfConst(0.5, 1, 4, 12, 35).Array[markets + 1]
        from overridden in Gen.Bool.Array[markets]
        from supply in Gen.OneOfConst(0.1, 0.5, 1.5, 10, ScenarioRanges.MaxElasticity, double.PositiveInfinity)
        select Build(countries, markets, cells, demand, substitution, overridden, supply);

    private static RandomSector Build(
        int countries, int markets, (bool In, double Value, double Before, double After)[] cells,
        double[] demand, double[] substitution, bool[] overridden, double supply)
    {
        static string Id(int i) => "C" + i.ToString(CultureInfo.InvariantCulture);
        var overrides = Enumerable.Range(0, markets).Where(i => overridden[i])
            .Select(i => new KeyValuePair<string, ElasticityOverride>(Id(i), new ElasticityOverride(demand[i + 1], substitution[i + 1])));
        var sector = new Sector("goods", demand[0], substitution[0], supply) { Markets = new IdMap<ElasticityOverride>(overrides) };

        var list = new List<Market>();
        var after = new Dictionary<TariffLine, double>();
        for (var i = 0; i < markets; i++)
        {
            var suppliers = new List<MarketSupplier>();
            for (var j = 0; j < countries; j++)
            {
                var cell = cells[i * countries + j];
                // Every market buys from at least its next neighbour, so none is empty.
                if (!cell.In && j != (i + 1) % countries)
                {
                    continue;
                }

                var home = i == j;
                suppliers.Add(new MarketSupplier(Id(j), cell.Value, home ? 0 : cell.Before));
                if (!home)
                {
                    after[new TariffLine(Id(i), Id(j), sector.Name)] = cell.After;
                }
            }

            list.Add(new Market(new MarketKey(Id(i), sector.Name), sector, suppliers));
        }

        return new RandomSector(new SectorMarkets(sector, list), after);
    }
}

/// <summary>A random sector and the tariffs after (percent) on its import lines.</summary>
internal sealed record RandomSector(SectorMarkets Sector, IReadOnlyDictionary<TariffLine, double> TariffsAfter)
{
    public double TariffAfter(TariffLine line) => TariffsAfter[line];

    /// <summary>The same markets with another export supply elasticity.</summary>
    public RandomSector WithSupplyElasticity(double supply)
    {
        var sector = Sector.Sector with { SupplyElasticity = supply };
        var markets = Sector.Markets.Select(m => new Market(m.Key, sector, m.Suppliers)).ToList();
        return new RandomSector(new SectorMarkets(sector, markets), TariffsAfter);
    }

    public override string ToString() =>
        $"ε_x = {Sector.Sector.SupplyElasticity}, ε = {Sector.Sector.DemandElasticity}, σ = {Sector.Sector.SubstitutionElasticity}, overrides {Sector.Sector.Markets}; " +
        string.Join("; ", Sector.Markets.Select(m => $"{m.Importer} (ε {m.DemandElasticity}, σ {m.SubstitutionElasticity}): " + string.Join(", ",
            m.Suppliers.Select(s => $"{s.Exporter} {s.BaseValue} at {s.BaseTariffPercent}% → {(m.IsHome(s) ? 0 : TariffsAfter[m.LineOf(s)])}%"))));
}
