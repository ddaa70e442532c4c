using System.Globalization;
using System.Text.RegularExpressions;
using Simulation.Model.Inference;
using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;

namespace Simulation.Client.Tests.Inference;

/// <summary>
/// docs/episodes.md's table "Does each world reproduce what happened?": each shipped episode's scenario,
/// run as a user runs it (<c>tradesim run</c>), ends at the distance from the observed outcome the table
/// gives, the distance being DESIGN §9's, computed here from the levels the run ends at:
/// d = 1[status differs] + 1[both agreed] · (1/n) Σ_i |k_i − k̂_i| / (L_i − 1), a discrete issue 0 if
/// equal and 1 if not.
/// </summary>
public sealed partial class EpisodeWorldTests
{
    private static readonly IReadOnlyList<Episode> Episodes = EpisodeFile.Load(Path.Combine(RepositoryPaths.Root, ShippedScenarios.EpisodeFile));

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var episode in Episodes)
        {
            data.Add(episode.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task The_scenario_s_own_run_is_as_far_from_what_happened_as_the_table_says(string id)
    {
        var episode = Episodes.Single(e => e.Id == id);
        var row = Documentation.Read("episodes.md").Split('\n').Single(l => l.StartsWith($"| `{id}` | ", StringComparison.Ordinal) && DistanceCell().IsMatch(l));
        var stated = double.Parse(DistanceCell().Match(row).Groups[1].Value, CultureInfo.InvariantCulture);

        var result = await TradeSimProcess.RunAsync("run", Path.GetRelativePath(RepositoryPaths.Root, episode.ScenarioFile), "--engine", "local", "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        var outcome = RunOutcomeJson.ReadComplete(result.Stdout).Negotiations.Single(n => n.Id == episode.Negotiation);
        Distance(episode, outcome.Status, episode.Issues.EndLevels(outcome)).Should().BeApproximately(stated, 0.0005, row);
    }

    private static double Distance(Episode episode, NegotiationStatus status, IReadOnlyList<int> levels)
    {
        var observed = episode.Observed;
        var distance = status == observed.Status ? 0.0 : 1.0;
        if (status == NegotiationStatus.Agreed && observed.Agreed)
        {
            var axes = episode.Issues.Issues;
            var parts = Enumerable.Range(0, axes.Count).Where(i => observed.Levels[i] is not null).Select(i => axes[i].Kind == IssueKind.Discrete
                ? (levels[i] == observed.Levels[i] ? 0.0 : 1.0)
                : Math.Abs(levels[i] - observed.Levels[i]!.Value) / (double)(axes[i].LevelCount - 1)).ToList();
            distance += parts.Average();
        }

        return distance;
    }

    /// <summary>The table's last cell: "... = 0.167 |" or "| 0 |".</summary>
    [GeneratedRegex(@"(?:= |\| )([0-9]+(?:\.[0-9]+)?) \|$")]
    private static partial Regex DistanceCell();
}
