using System.Text.Json;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>
/// Every scenario shipped under scenarios/ (found by listing the folder and its subfolders) validates
/// and runs through the command a user types, and each of its negotiations ends as its story says
/// it must (<see cref="Expected"/>). A new scenario fails here until its expected ends are stated.
/// </summary>
public sealed class ShippedScenarioTests
{
    /// <summary>
    /// How each negotiation of each shipped scenario must end, and why (the scenario's story and a
    /// check by hand). A round is given where the story fixes it; null where only the status is known.
    /// </summary>
    private static readonly Dictionary<string, (string Negotiation, string Status, int? Round)[]> Expected = new(StringComparer.Ordinal)
    {
        // Calibration worlds: no table, nothing is played.
        ["scenarios/calibration/canada-asia-pivot-2024.yaml"] = [],
        ["scenarios/calibration/canada-china-2024.yaml"] = [],
        ["scenarios/calibration/us-canada-2024.yaml"] = [],
        // Canada–ASEAN: a deal all four accept exists (the Nash point: Canada's food exports and
        // Indonesia's and the Philippines' footwear and fish cuts, Malaysia at its reservation), but
        // under alternating offers it is not reached: in round 60 Canada offers it, and Indonesia,
        // whose own next bid is worth more to it, counters instead (AC_next); the Philippines and
        // Malaysia accept the counter and the deadline comes before Canada's turn: deadline in round 60
        // (the turn-by-turn reason is replayed in CanadaScenarioPinTests). The single text climbs
        // while some step hurts no one, and is then ratified: agreed.
        ["scenarios/canada-asean.yaml"] = [("CAN-ASEAN", "deadline", 60)],
        ["scenarios/canada-asean-single-text.yaml"] = [("CAN-ASEAN-TEXT", "agreed", null)],
        // The pivot: the US (a hardliner, conceding nothing) ends its talks in round 5 by the event;
        // Canada–Malaysia opens then and plays its 10 rounds: Malaysia already sells to Canada duty
        // free, so every cut of its own food tariff only raises its imports (a loss to a mercantilist:
        // its reservation is the status quo), and Canada's Boulware never accepts the status quo,
        // worth nothing to it: deadline in its round 10. China, Indonesia and the Philippines each
        // have a market to win in Canada (EVs, apparel) for what they give Canada: agreed.
        ["scenarios/canada-asia-pivot.yaml"] =
        [
            ("USA-CAN", "terminated", 5), ("CAN-CHN", "agreed", null), ("CAN-IDN", "agreed", null),
            ("CAN-PHL", "agreed", null), ("CAN-MYS", "deadline", 10),
        ],
        // Canada–China: canola for EVs. China gains from Canada's EV surtax coming off, Canada from
        // China's canola duties coming off: a trade both prefer to the status quo, agreed on every grid.
        ["scenarios/canada-china.yaml"] = [("CAN-CHN", "agreed", null)],
        ["scenarios/canada-china-canola.yaml"] = [("CAN-CHN", "agreed", null)],
        ["scenarios/canada-china-grids/fine.yaml"] = [("CAN-CHN", "agreed", null)],
        ["scenarios/canada-china-grids/steps-25.yaml"] = [("CAN-CHN", "agreed", null)],
        // Canada–Indonesia: the CEPA was signed; each side cuts tariffs on the other's exports.
        ["scenarios/canada-indonesia.yaml"] = [("CAN-IDN", "agreed", null)],
        // Canada–Philippines: Canada's pork and food against the Philippines' apparel and tuna, each side's
        // cut a gain to the other in exports; a mercantilist trade of cuts both prefer to nothing: agreed.
        ["scenarios/canada-philippines.yaml"] = [("CAN-PHL", "agreed", null)],
        // The earlier episodes' worlds (scenarios/episodes.yaml): each is a deal that happened, and each
        // side's cuts are worth more to the other than they cost it in the model too. Australia–China:
        // the dispute's suspension is worth 60 to China against its barley imports; US–Canada 2019:
        // both sides' duties come off steel and aluminum; Canada–Korea: pork and canola oil for cars.
        ["scenarios/episodes/australia-china-2023.yaml"] = [("AUS-CHN", "agreed", null)],
        ["scenarios/episodes/canada-korea-2014.yaml"] = [("CAN-KOR", "agreed", null)],
        ["scenarios/episodes/us-canada-2019.yaml"] = [("USA-CAN", "agreed", null)],
        // Equal lines: B's machinery cut for one of A's two equal cuts is worth more than nothing to both.
        ["scenarios/equal-lines.yaml"] = [("AB", "agreed", null)],
        // US–Canada: the US terminates the talks in round 12 (the Ontario advertisement, 2025-10-23).
        ["scenarios/us-canada.yaml"] = [("USA-CAN", "terminated", 12)],
        // W1, the benchmark workload: Boulware (e = 0.2) against Conceder (e = 2) agree in round 63, as
        // the brute-force replay in W1WorkloadTests finds.
        ["scenarios/w1.yaml"] = [("W1", "agreed", 63)],
    };

    public static TheoryData<string> Shipped()
    {
        var data = new TheoryData<string>();
        foreach (var file in ShippedFiles())
        {
            data.Add(file);
        }

        return data;
    }

    private static IEnumerable<string> ShippedFiles() => ShippedScenarios.Files();

    [Fact]
    public async Task Every_shipped_scenario_validates()
    {
        var files = ShippedFiles().ToList();
        // Five at the time of writing: an empty listing must not pass vacuously.
        files.Should().HaveCountGreaterThanOrEqualTo(5);

        var result = await TradeSimProcess.RunAsync(["validate", .. files]);

        result.ExitCode.Should().Be(0, result.Stdout + result.Stderr);
        foreach (var file in files)
        {
            result.Stdout.Should().Contain($"ok {file}:");
        }
    }

    [Fact]
    public void Every_shipped_scenario_has_its_expected_ends_stated()
    {
        ShippedFiles().Should().BeEquivalentTo(Expected.Keys, "each shipped scenario states how its negotiations must end");
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public async Task A_shipped_scenario_ends_each_negotiation_as_its_story_says(string file)
    {
        var result = await TradeSimProcess.RunAsync("run", file, "--engine", "local", "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        using var outcome = JsonDocument.Parse(result.Stdout);
        var negotiations = outcome.RootElement.GetProperty("negotiations").EnumerateArray()
            .Select(n => (Negotiation: n.GetProperty("id").GetString()!, Status: n.GetProperty("status").GetString()!, Round: n.GetProperty("round").GetInt32()))
            .ToList();
        Expected.Should().ContainKey(file);
        var expected = Expected[file];
        negotiations.Select(n => (n.Negotiation, n.Status)).Should().Equal(expected.Select(e => (e.Negotiation, e.Status)));
        foreach (var (negotiation, _, round) in expected.Where(e => e.Round is not null))
        {
            negotiations.Single(n => n.Negotiation == negotiation).Round.Should().Be(round, "{0} of {1}", negotiation, file);
        }

        // A calibration world has no table and plays no round.
        var roundsPlayed = outcome.RootElement.GetProperty("rounds_played").GetInt32();
        if (negotiations.Count == 0)
        {
            roundsPlayed.Should().Be(0);
        }
        else
        {
            roundsPlayed.Should().BePositive();
        }
    }
}
