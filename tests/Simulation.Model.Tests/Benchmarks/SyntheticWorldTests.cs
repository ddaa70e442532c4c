using Simulation.Model.Benchmarks;
using Simulation.Model.Economics;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Benchmarks;

/// <summary>
/// The world benchmark's generated scenario (DESIGN §7): it loads without an error or a warning, has
/// every pair of countries at one table over two tariff lines, and is a function of (N, seed) alone.
/// </summary>
public sealed class SyntheticWorldTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(10)]
    public void The_world_loads_without_warnings_and_seats_every_pair_once(int countries)
    {
        var scenario = ScenarioLoader.Parse(SyntheticWorld.Scenario(countries, seed: 7), "world.yaml");

        ScenarioWarnings.Of(scenario).Should().BeEmpty();
        scenario.Model.Should().BeOfType<GsimMarketModel>();
        scenario.Rounds.Should().Be(100);
        scenario.Sectors.Should().HaveCount(4);
        // N countries and the rest of the world, which does not negotiate.
        scenario.Countries.Should().HaveCount(countries + 1);
        scenario.Countries.Count(c => c.Negotiates).Should().Be(countries);
        // N(N − 1)/2 tables: 1, 10 and 45; each pair exactly once.
        var expected = countries * (countries - 1) / 2;
        scenario.Negotiations.Should().HaveCount(expected);
        SyntheticWorld.Negotiations(countries).Should().Be(expected);
        scenario.Negotiations.Select(n => string.Join(" ", n.Parties.Order(StringComparer.Ordinal)))
            .Should().OnlyHaveUniqueItems();
        scenario.Negotiations.Should().AllSatisfy(n =>
        {
            n.Parties.Should().HaveCount(2);
            n.Issues.Should().HaveCount(2);
        });
    }

    [Fact]
    public void Each_table_cuts_each_sides_tariff_on_the_other_from_the_tariff_in_force_to_zero()
    {
        var scenario = ScenarioLoader.Parse(SyntheticWorld.Scenario(6, seed: 3), "world.yaml");

        foreach (var negotiation in scenario.Negotiations)
        {
            var lines = negotiation.Issues.Cast<TariffIssueSpec>().Select(i => (i.Importer, i.Exporter)).ToList();
            lines.Should().BeEquivalentTo([(negotiation.Parties[0], negotiation.Parties[1]), (negotiation.Parties[1], negotiation.Parties[0])]);
            foreach (var issue in negotiation.Issues.Cast<TariffIssueSpec>())
            {
                var inForce = scenario.Trade.Single(f => f.Importer == issue.Importer && f.Exporter == issue.Exporter && f.Sector == issue.Sector).TariffPercent;
                inForce.Should().BeInRange(2.5, 20);
                // from: t, to: 0, steps: 4 gives t, 3t/4, t/2, t/4, 0.
                issue.Levels.Should().Equal(inForce, inForce * 0.75, inForce * 0.5, inForce * 0.25, 0);
            }
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_text_and_another_seed_another_world()
    {
        var first = SyntheticWorld.Scenario(8, seed: 11);

        SyntheticWorld.Scenario(8, seed: 11).Should().Be(first);
        var other = SyntheticWorld.Scenario(8, seed: 12);
        other.Should().NotBe(first);
        // Not just the seed line: the numbers differ.
        Trades(other).Should().NotEqual(Trades(first));
    }

    [Fact]
    public void A_country_draws_the_same_numbers_whatever_the_size_of_the_world()
    {
        // Draws are keyed by what is drawn, not by position in one stream (DESIGN §5.2), so C001's
        // tariffs in a world of 3 are its tariffs in a world of 9.
        var small = ScenarioLoader.Parse(SyntheticWorld.Scenario(3, seed: 5), "world.yaml");
        var large = ScenarioLoader.Parse(SyntheticWorld.Scenario(9, seed: 5), "world.yaml");

        Tariffs(large, "C001").Should().Equal(Tariffs(small, "C001"));
        large.Country("C002").Strategy.Should().Be(small.Country("C002").Strategy);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(111)]
    public void A_world_outside_the_bounds_is_refused(int countries)
    {
        var act = () => SyntheticWorld.Scenario(countries, seed: 1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void The_largest_world_fits_the_loaders_size_limit()
    {
        var text = SyntheticWorld.Scenario(SyntheticWorld.MaxCountries, seed: 1);

        System.Text.Encoding.UTF8.GetByteCount(text).Should().BeLessThan(ScenarioLimits.MaxFileBytes);
    }

    private static List<double> Trades(string text) =>
        ScenarioLoader.Parse(text, "world.yaml").Trade.Select(f => f.Value).ToList();

    private static List<(string Sector, double Tariff)> Tariffs(Scenario scenario, string importer) =>
        scenario.Trade.Where(f => f.Importer == importer && f.Exporter == "ROW").Select(f => (f.Sector, f.TariffPercent)).ToList();
}
