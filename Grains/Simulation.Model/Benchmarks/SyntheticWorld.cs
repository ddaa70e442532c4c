using System.Globalization;
using System.Text;
using Simulation.Model.Determinism;

namespace Simulation.Model.Benchmarks;

/// <summary>
/// The world benchmark's scenario (DESIGN §7): N countries and the rest of the world trading four
/// sectors, every pair of countries at its own table over two tariff lines, all of them coupled
/// through <c>gsim</c>, so that each agreement moves world prices every other table sees. It is
/// generated from (N, seed) alone, with no data file, so anybody can rebuild the same world.
/// </summary>
/// <remarks>
/// The numbers are invented but shaped like real trade: country sizes spread over two orders of
/// magnitude, bilateral flows follow a gravity rule (size × size / distance, Tinbergen 1962), and
/// each importer charges one most-favoured-nation tariff of 2.5–20% per sector, which its
/// negotiations may cut to zero. Each ordered pair trades two sectors, the one on the table and one
/// more, so that a deal also moves prices in markets nobody negotiates; trading all four would push
/// a 100-country file past the loader's size limit (<see cref="Scenarios.ScenarioLimits.MaxFileBytes"/>).
/// Every supplier sells half to two thirds of its output in the markets listed and the rest
/// elsewhere (DESIGN §3.2, a complete world), so a single market cannot swing its world price.
/// Every draw comes from <see cref="SeededRandom"/> keyed by the seed and what is drawn, so a
/// country's numbers do not depend on how many countries come after it, and the text, written
/// with the invariant culture in a fixed order, is byte-identical for the same (N, seed).
/// </remarks>
public static class SyntheticWorld
{
    /// <summary>Fewest countries (besides the rest of the world): one negotiation.</summary>
    public const int MinCountries = 2;

    /// <summary>Most countries: the largest world whose text fits the loader's size limit with room to spare.</summary>
    public const int MaxCountries = 110;

    /// <summary>Sectors every country trades.</summary>
    public const int Sectors = 4;

    /// <summary>Deadline of every negotiation, in rounds.</summary>
    public const int Rounds = 100;

    /// <summary>Levels offered on each tariff line: the tariff in force, steps of a quarter of it, and zero.</summary>
    public const int Steps = 4;

    private const string RestOfWorld = "ROW";

    private static readonly string[] s_strategies = ["boulware", "linear", "conceder"];

    private static readonly string[] s_objectives = ["welfare", "mercantilist"];

    /// <summary>The number of negotiations a world of <paramref name="countries"/> countries holds: every pair once.</summary>
    public static int Negotiations(int countries) => countries * (countries - 1) / 2;

    /// <summary>The scenario text (YAML) of the world of <paramref name="countries"/> countries drawn from <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than <see cref="MinCountries"/> or more than <see cref="MaxCountries"/> countries.</exception>
    public static string Scenario(int countries, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(countries, MinCountries);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(countries, MaxCountries);
        var world = Draw(countries, seed);
        var text = new StringBuilder(capacity: 1024 + (countries * countries * 110));
        WriteHeader(text, countries, seed, world);
        WriteTrade(text, world);
        WriteSupply(text, world);
        WriteNegotiations(text, world);
        return text.ToString();
    }

    private static Drawn Draw(int countries, long seed)
    {
        var ids = Enumerable.Range(1, countries).Select(i => "C" + i.ToString("D3", CultureInfo.InvariantCulture)).ToArray();
        var sectors = Enumerable.Range(1, Sectors).Select(s => "s" + s.ToString(CultureInfo.InvariantCulture)).ToArray();
        var people = ids.Select(id => Country(seed, id)).ToArray();
        var sectorTerms = sectors.Select(s => SectorTerms(seed, s)).ToArray();
        // MFN tariffs: one per (importer, sector), on a half-point grid so the levels print exactly.
        var tariffs = new double[countries, Sectors];
        for (var i = 0; i < countries; i++)
        {
            for (var s = 0; s < Sectors; s++)
            {
                var random = SeededRandom.For(seed, "tariff", ids[i], sectors[s]);
                tariffs[i, s] = 2.5 + (0.5 * random.Next(0, 36));
            }
        }

        // The sector each importer's tariff on each exporter is negotiated in, and the second sector they trade.
        var tabled = new int[countries, countries];
        var also = new int[countries, countries];
        for (var i = 0; i < countries; i++)
        {
            for (var j = 0; j < countries; j++)
            {
                if (i == j)
                {
                    continue;
                }

                var random = SeededRandom.For(seed, "pair", ids[i], ids[j]);
                tabled[i, j] = random.Next(0, Sectors);
                also[i, j] = (tabled[i, j] + 1 + random.Next(0, Sectors - 1)) % Sectors;
            }
        }

        return new Drawn(seed, ids, sectors, people, sectorTerms, tabled, Flows(ids, people, sectorTerms, tariffs, tabled, also), tariffs);
    }

    private static Person Country(long seed, string id)
    {
        var random = SeededRandom.For(seed, "country", id);
        var size = 100 * Math.Pow(10, 2 * random.NextDouble());
        var x = random.NextDouble();
        var y = random.NextDouble();
        var objective = s_objectives[random.Next(0, s_objectives.Length)];
        var strategy = s_strategies[random.Next(0, s_strategies.Length)];
        return new Person(size, x, y, objective, strategy);
    }

    private static Terms SectorTerms(long seed, string sector)
    {
        var random = SeededRandom.For(seed, "sector", sector);
        return new Terms(
            Demand: Round(1 + random.NextDouble(), 2),
            Substitution: Round(3 + (5 * random.NextDouble()), 2),
            Supply: Round(1 + (2 * random.NextDouble()), 2),
            Weight: 0.5 + random.NextDouble());
    }

    private static void WriteHeader(StringBuilder text, int countries, long seed, Drawn world)
    {
        text.Append("# A synthetic world for the world benchmark: ").Append(Number(countries))
            .Append(" countries, every pair negotiating two tariff lines, coupled through gsim.\n");
        text.Append("name: Synthetic world of ").Append(Number(countries)).Append(" countries (seed ").Append(Number(seed)).Append(")\n");
        text.Append("description: Generated; sizes, distances, flows and tariffs are random draws, not data.\n");
        text.Append("seed: ").Append(Number(seed)).Append('\n');
        text.Append("units: USD millions\nmodel: gsim\nrounds: ").Append(Number(Rounds)).Append("\n\nsectors:\n");
        for (var s = 0; s < Sectors; s++)
        {
            var terms = world.SectorTerms[s];
            text.Append("  ").Append(world.Sectors[s])
                .Append(": { demand_elasticity: ").Append(Number(terms.Demand))
                .Append(", substitution_elasticity: ").Append(Number(terms.Substitution))
                .Append(", supply_elasticity: ").Append(Number(terms.Supply)).Append(" }\n");
        }

        text.Append("\ncountries:\n");
        for (var i = 0; i < world.Ids.Length; i++)
        {
            var person = world.People[i];
            text.Append("  ").Append(world.Ids[i]).Append(": { objective: ").Append(person.Objective)
                .Append(", strategy: ").Append(person.Strategy).Append(" }\n");
        }

        text.Append("  ").Append(RestOfWorld).Append(": { name: Rest of world, negotiates: false }\n");
    }

    /// <summary>
    /// The flows, importer by importer and sector by sector: gravity for the countries that trade the
    /// sector with the importer, and the rest of the world about as much again as all of them.
    /// </summary>
    private static List<Flow> Flows(string[] ids, Person[] people, Terms[] sectorTerms, double[,] tariffs, int[,] tabled, int[,] also)
    {
        var n = ids.Length;
        var meanSize = people.Average(p => p.Size);
        var flows = new List<Flow>();
        for (var i = 0; i < n; i++)
        {
            for (var s = 0; s < Sectors; s++)
            {
                var imports = 0.0;
                for (var j = 0; j < n; j++)
                {
                    if (i == j || (tabled[i, j] != s && also[i, j] != s))
                    {
                        continue;
                    }

                    var value = Gravity(people[i], people[j], sectorTerms[s].Weight, meanSize);
                    imports += value;
                    flows.Add(new Flow(i, j, s, value, tariffs[i, s]));
                }

                var row = Math.Max(Round(imports + (people[i].Size * sectorTerms[s].Weight), 2), 0.01);
                flows.Add(new Flow(i, n, s, row, tariffs[i, s]));
            }
        }

        return flows;
    }

    /// <summary>Gravity: proportional to both sizes, inversely to distance (plus a floor so neighbours stay finite).</summary>
    private static double Gravity(Person importer, Person exporter, double weight, double meanSize)
    {
        var dx = importer.X - exporter.X;
        var dy = importer.Y - exporter.Y;
        var distance = Math.Sqrt((dx * dx) + (dy * dy)) + 0.1;
        return Math.Max(Round(10 * weight * importer.Size * exporter.Size / (meanSize * distance), 2), 0.01);
    }

    private static void WriteTrade(StringBuilder text, Drawn world)
    {
        text.Append("\ntrade:\n");
        foreach (var flow in world.Flows)
        {
            text.Append("  - { importer: ").Append(world.Ids[flow.Importer]).Append(", exporter: ").Append(world.Id(flow.Exporter))
                .Append(", sector: ").Append(world.Sectors[flow.Sector]).Append(", value: ").Append(Number(flow.Value))
                .Append(", tariff: ").Append(Number(flow.Tariff)).Append(" }\n");
        }
    }

    /// <summary>
    /// Each supplier's total sales: what the file lists, scaled up by a drawn 1.5–2 for the sales
    /// elsewhere, rounded up so it never falls below them. Sums run in file order, so they are the
    /// same on every machine.
    /// </summary>
    private static void WriteSupply(StringBuilder text, Drawn world)
    {
        var n = world.Ids.Length;
        var listed = new double[n + 1, Sectors];
        foreach (var flow in world.Flows)
        {
            listed[flow.Exporter, flow.Sector] += flow.Value;
        }

        text.Append("\nsupply:\n");
        for (var c = 0; c <= n; c++)
        {
            var random = SeededRandom.For(world.Seed, "supply", world.Id(c));
            for (var s = 0; s < Sectors; s++)
            {
                var scale = 1.5 + (0.5 * random.NextDouble());
                if (listed[c, s] > 0)
                {
                    text.Append("  - { country: ").Append(world.Id(c)).Append(", sector: ").Append(world.Sectors[s])
                        .Append(", total: ").Append(Number(Math.Ceiling(listed[c, s] * scale))).Append(" }\n");
                }
            }
        }
    }

    private static void WriteNegotiations(StringBuilder text, Drawn world)
    {
        text.Append("\nnegotiations:\n");
        var n = world.Ids.Length;
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                var first = world.Ids[a];
                var second = world.Ids[b];
                text.Append("  - { id: ").Append(first).Append('-').Append(second)
                    .Append(", parties: [").Append(first).Append(", ").Append(second).Append("], issues: [");
                Issue(text, world, a, b);
                text.Append(", ");
                Issue(text, world, b, a);
                text.Append("] }\n");
            }
        }
    }

    private static void Issue(StringBuilder text, Drawn world, int importer, int exporter)
    {
        var sector = world.Tabled[importer, exporter];
        text.Append("{ importer: ").Append(world.Ids[importer]).Append(", exporter: ").Append(world.Ids[exporter])
            .Append(", sector: ").Append(world.Sectors[sector])
            .Append(", from: ").Append(Number(world.Tariffs[importer, sector]))
            .Append(", to: 0, steps: ").Append(Number(Steps)).Append(" }");
    }

    private static double Round(double value, int digits) => Math.Round(value, digits, MidpointRounding.ToEven);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record Person(double Size, double X, double Y, string Objective, string Strategy);

    private sealed record Terms(double Demand, double Substitution, double Supply, double Weight);

    private sealed record Flow(int Importer, int Exporter, int Sector, double Value, double Tariff);

    /// <summary>A drawn world; country index <c>Ids.Length</c> is the rest of the world.</summary>
    private sealed record Drawn(
        long Seed, string[] Ids, string[] Sectors, Person[] People, Terms[] SectorTerms, int[,] Tabled, List<Flow> Flows, double[,] Tariffs)
    {
        public string Id(int country) => country < Ids.Length ? Ids[country] : RestOfWorld;
    }
}
