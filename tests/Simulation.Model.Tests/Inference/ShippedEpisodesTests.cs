using Simulation.Model.Inference;
using Simulation.Model.Negotiation;
using Simulation.Tests.Shared;

namespace Simulation.Model.Tests.Inference;

/// <summary>
/// The shipped episode file (scenarios/episodes.yaml, DESIGN §9) loads with the episode reader: every
/// episode's scenario holds its negotiation and every observed issue is on that table; each observed
/// value lands on the level read off the scenario's own table by hand (below); the two values off the
/// grid (January 2026's canola seed and seafood) are reported with their nearest levels, and no
/// other; and the episodes are in the order of the dates they became known, three of them before 2025.
/// </summary>
public sealed class ShippedEpisodesTests
{
    private static readonly IReadOnlyList<Episode> Episodes = EpisodeFile.Load(Path.Combine(RepositoryPaths.Root, ShippedScenarios.EpisodeFile));

    /// <summary>
    /// Each episode's status and observed level index per issue, in the table's order, read by hand:
    /// the index of the observed value in the issue's levels as its scenario writes them, status quo first.
    /// </summary>
    public static TheoryData<string, string, NegotiationStatus, int[]> Observed() => new()
    {
        // canada-korea-2014.yaml: pork [25, 12.5, 0], canola oil [8, 4, 0], cars [6.1, 3, 0]; all to 0.
        { "can-kor-2014-03", "CAN-KOR", NegotiationStatus.Agreed, [2, 2, 2] },
        // us-canada-2019.yaml: US steel [25, 12.5, 0], US aluminum [10, 5, 0], Canada's steel [25, 12.5, 0],
        // aluminum [10, 5, 0] and consumer goods [10, 5, 0]; all to 0.
        { "usa-can-2019-05", "USA-CAN", NegotiationStatus.Agreed, [2, 2, 2, 2, 2] },
        // australia-china-2023.yaml: barley [80.5, 41.75, 3] to 3; the dispute [pursue, suspend] suspended.
        { "aus-chn-2023-08", "AUS-CHN", NegotiationStatus.Agreed, [2, 1] },
        // canada-indonesia.yaml: beef, dairy, canola oil [5, 2.5, 0]; processed food 10 to 0 in 4 steps
        // [10, 7.5, 5, 2.5, 0]; footwear and apparel 18 to 0 in 3 steps [18, 12, 6, 0]; tyres [7, 3.5, 0]; all to 0.
        { "can-idn-2025-09", "CAN-IDN", NegotiationStatus.Agreed, [2, 2, 2, 4, 3, 3, 2] },
        // us-canada.yaml: terminated, so every issue stays at its first level, where the file puts it.
        { "usa-can-2025-10", "USA-CAN", NegotiationStatus.Terminated, [0, 0, 0, 0, 0, 0, 0, 0, 0] },
        // canada-china.yaml: canola seed [84.8, 46.9, 9] observed 15, nearest 9 (|15 - 9| = 6 < |15 - 46.9|);
        // meal [105, 55, 5] to 5; oil [109, 59, 9] kept at 109; peas [105, 55, 5] to 5; seafood [32, 19.5, 7]
        // observed 22, nearest 19.5 (2.5 < 10); pork [37, 24.5, 12] kept; EV tariff [106.1, 56.1, 6.1] kept;
        // EV quota [0, 1100, 2200] at 2200; steel [25, 12.5, 0] kept.
        { "can-chn-2026-01", "CAN-CHN", NegotiationStatus.Agreed, [2, 2, 0, 2, 1, 0, 0, 2, 0] },
    };

    [Theory]
    [MemberData(nameof(Observed))]
    public void Each_episode_loads_with_its_table_and_the_levels_read_by_hand(string id, string negotiation, NegotiationStatus status, int[] levels)
    {
        var episode = Episodes.Single(e => e.Id == id);

        episode.Negotiation.Should().Be(negotiation);
        File.Exists(episode.ScenarioFile).Should().BeTrue();
        episode.Source.Should().NotBeNullOrWhiteSpace();
        episode.Observed.Status.Should().Be(status);
        // Every issue of the table is observed: none left out.
        episode.Observed.Levels.Should().Equal(levels.Select(l => (int?)l));
        episode.Issues.Issues.Should().HaveCount(levels.Length);
    }

    [Fact]
    public void The_file_holds_the_six_episodes_in_the_order_they_became_known_three_of_them_before_2025()
    {
        Episodes.Select(e => e.Id).Should().Equal("can-kor-2014-03", "usa-can-2019-05", "aus-chn-2023-08", "can-idn-2025-09", "usa-can-2025-10", "can-chn-2026-01");
        Episodes.Select(e => e.Known).Should().BeInAscendingOrder();
        Episodes.Select(e => e.Known).Should().Equal(
            new DateOnly(2014, 3, 11), new DateOnly(2019, 5, 17), new DateOnly(2023, 8, 4),
            new DateOnly(2025, 9, 24), new DateOnly(2025, 10, 23), new DateOnly(2026, 1, 16));
        Episodes.Count(e => e.Known.Year < 2025).Should().BeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void China_Canada_and_the_US_each_have_an_episode_known_before_the_January_2026_deal()
    {
        var deal = Episodes.Single(e => e.Id == "can-chn-2026-01").Known;
        var before = Episodes.Where(e => e.Known < deal).ToList();

        // A country is a party when its id opens or closes an issue key of the episode's table.
        foreach (var country in new[] { "CHN", "CAN", "USA" })
        {
            before.Should().Contain(e => e.Issues.Issues.Any(i => i.Key.Split(':').Take(2).Contains(country)), country);
        }
    }

    [Fact]
    public void Only_the_two_values_off_the_grid_are_reported_each_with_its_nearest_level()
    {
        var warnings = Episodes.SelectMany(e => e.Warnings).ToList();

        warnings.Should().HaveCount(2);
        warnings.Should().ContainSingle(w => w.Contains("can-chn-2026-01", StringComparison.Ordinal) && w.Contains("CHN:CAN:canola_seed", StringComparison.Ordinal)
            && w.Contains("observed 15 ", StringComparison.Ordinal) && w.Contains("9 (level 2)", StringComparison.Ordinal));
        warnings.Should().ContainSingle(w => w.Contains("can-chn-2026-01", StringComparison.Ordinal) && w.Contains("CHN:CAN:seafood", StringComparison.Ordinal)
            && w.Contains("observed 22 ", StringComparison.Ordinal) && w.Contains("19.5 (level 1)", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_episode_runs_with_its_scenario_s_own_seed()
    {
        // No episode sets its own seed: the seeds written in the scenario files.
        Episodes.Select(e => e.Seed).Should().Equal(2014L, 2019L, 2023L, 42L, 2025L, 2026L);
    }
}
