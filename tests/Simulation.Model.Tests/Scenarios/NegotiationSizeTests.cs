using System.Text;
using Simulation.Model.Input;
using Simulation.Model.Scenarios;
using static Simulation.Model.Tests.Scenarios.LoaderAssertions;
using static Simulation.Model.Tests.Scenarios.ScenarioText;

namespace Simulation.Model.Tests.Scenarios;

/// <summary>
/// A negotiation too large to value or search is refused when the file is read (DESIGN §4.1), with
/// its name, its size and the limit, rather than by running out of memory during the run.
/// </summary>
public sealed class NegotiationSizeTests
{
    [Fact]
    public void A_negotiation_needing_more_market_solves_than_the_limit_is_refused()
    {
        // canola_oil gets a second line (CAN on IDN, one more trade row, so everything below moves
        // down one line): two lines of 1,000 levels are 1,000 × 1,000 = 1,000,000 combinations,
        // and footwear's 1,000 levels make 1,001,000 market solves, over the 1,000,000 allowed.
        var text = With(
            (11, BaseLines[10] + "\n  - { importer: CAN, exporter: IDN, sector: canola_oil, value: 10, tariff: 5 }"),
            (16, "      - { importer: IDN, exporter: CAN, sector: canola_oil, from: 5, to: 0, steps: 999 }\n" +
                 "      - { importer: CAN, exporter: IDN, sector: canola_oil, from: 5, to: 0, steps: 999 }"),
            (17, "      - { importer: CAN, exporter: IDN, sector: footwear, from: 18, to: 0, steps: 999 }"));

        SingleErrorOf(text).Should().Be(new InputError(FileName, 17, 7, "negotiations[0].issues",
            "negotiation 'CAN-IDN' is too large: valuing its outcomes takes 1,001,000 market solves, one per combination of " +
            "levels within each sector (canola_oil: 1,000,000, footwear: 1,000); at most 1,000,000 are supported"));
    }

    [Fact]
    public void One_sector_of_a_million_combinations_is_accepted()
    {
        // Exactly at the limit: 1,000 × 1,000 combinations in canola_oil, 5 in footwear would pass
        // it, so footwear's issue goes.
        var text = With(
            (11, BaseLines[10] + "\n  - { importer: CAN, exporter: IDN, sector: canola_oil, value: 10, tariff: 5 }"),
            (16, "      - { importer: IDN, exporter: CAN, sector: canola_oil, from: 5, to: 0, steps: 999 }\n" +
                 "      - { importer: CAN, exporter: IDN, sector: canola_oil, from: 5, to: 0, steps: 999 }"),
            (17, ""));

        ScenarioLoader.Parse(text, FileName).Negotiations.Single().Issues.Should().HaveCount(2);
    }

    [Fact]
    public void A_negotiation_spanning_more_sectors_than_the_limit_is_refused()
    {
        // 101 sectors of one two-level line each: few solves, little search, but one sector too many.
        SingleErrorOf(ManySectors(sectors: 101, linesPerSector: 1, levels: 2)).Should().Be(new InputError(FileName, Line: 101 + 101 + 11, 7,
            "negotiations[0].issues",
            "negotiation 'AB' is too large: its issues span 101 sectors; at most 100 are supported " +
            "(the memory of the bidding frontier grows with the square of the number of sectors)"));
    }

    [Fact]
    public void A_negotiation_whose_Pareto_search_could_take_too_long_is_refused()
    {
        // 50 sectors of two lines of 100 levels: 10,000 combinations each, 500,000 market solves
        // (allowed). ε = 0.001, G = 50: a frontier holds at most B = (4·50 + 2)/ε + 2 = 202,002
        // points, a sector's frontier at most 4/ε + 2 = 4,002. Sector 0 meets 1 point, sector 1 at
        // most 10,000, sectors 2..49 at most B: 4,002 + 10,000·4,002 + 48·202,002·4,002
        // = 38,843,800,194 pairs, over 10,000,000,000.
        SingleErrorOf(ManySectors(sectors: 50, linesPerSector: 2, levels: 100)).Should().Be(new InputError(FileName, Line: 50 + 100 + 11, 7,
            "negotiations[0].issues",
            "negotiation 'AB' is too large: the search for its Pareto frontier may examine up to 38,843,800,194 pairs of points " +
            "(50 sectors, ε = 0.001); at most 10,000,000,000 are supported: fewer sectors, or fewer levels per sector, bring it down"));
    }

    [Fact]
    public void Fifty_lines_of_twenty_levels_in_fifty_sectors_are_accepted() =>
        ScenarioLoader.Parse(ManySectors(sectors: 50, linesPerSector: 1, levels: 20), FileName).Negotiations.Single().Issues.Should().HaveCount(50);

    /// <summary>
    /// Two countries and one negotiation over <paramref name="sectors"/> sectors, each with one line
    /// (AAA's tariff on BBB) or two (and BBB's on AAA) of <paramref name="levels"/> levels from 10%
    /// to 0. Line 1 is the name, the sectors start on line 3, and the first issue is on line
    /// sectors + lines + 11, indented by 6.
    /// </summary>
    private static string ManySectors(int sectors, int linesPerSector, int levels)
    {
        var text = new StringBuilder("name: Many sectors\nsectors:\n");
        for (var s = 0; s < sectors; s++)
        {
            text.Append($"  s{s}: {{ demand_elasticity: 1.5, substitution_elasticity: 4 }}\n");
        }

        text.Append("countries:\n  AAA: { name: A }\n  BBB: { name: B }\ntrade:\n");
        var lines = Enumerable.Range(0, sectors)
            .SelectMany(s => new[] { ("AAA", "BBB", s), ("BBB", "AAA", s) }.Take(linesPerSector))
            .ToList();
        foreach (var (importer, exporter, s) in lines)
        {
            text.Append($"  - {{ importer: {importer}, exporter: {exporter}, sector: s{s}, value: 100, tariff: 10 }}\n");
        }

        text.Append("negotiations:\n  - id: AB\n    parties: [AAA, BBB]\n    issues:\n");
        foreach (var (importer, exporter, s) in lines)
        {
            text.Append($"      - {{ importer: {importer}, exporter: {exporter}, sector: s{s}, from: 10, to: 0, steps: {levels - 1} }}\n");
        }

        return text.ToString();
    }
}
