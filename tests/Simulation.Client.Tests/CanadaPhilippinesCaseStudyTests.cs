using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Simulation.Client.Tests;

/// <summary>
/// The Canada–Philippines case study (docs/case-studies/canada-philippines.md): its run prints the
/// timeline row it quotes and the welfare changes it gives, and its batch ends as it says: no deal by
/// the deadline with Canada's concession exponent at 0.1, a deal in round 9 at 5, whatever Canada's
/// objective.
/// </summary>
public sealed partial class CanadaPhilippinesCaseStudyTests : IDisposable
{
    private static readonly string CaseStudy = Documentation.Read("case-studies/canada-philippines.md");

    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-phl-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task The_run_prints_the_timeline_row_and_the_welfare_changes_the_case_study_quotes()
    {
        var blocks = Fence().Matches(CaseStudy).Select(m => m.Groups[1].Value.Trim()).ToList();
        var arguments = Documentation.CommandArguments(blocks[0]);

        var table = await TradeSimProcess.RunAsync(arguments);
        var json = await TradeSimProcess.RunAsync([.. arguments, "--format", "json"]);

        table.ExitCode.Should().Be(0, table.Stderr);
        table.Stdout.Split('\n').Select(l => l.TrimEnd()).Should().Contain(blocks[1]);
        using var outcome = JsonDocument.Parse(json.Stdout);
        var welfare = outcome.RootElement.GetProperty("countries").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("welfare").GetProperty("total").GetDouble());
        Documentation.ReadFlat("case-studies/canada-philippines.md").Should()
            .Contain(string.Create(CultureInfo.InvariantCulture, $"ΔW: Canada +{welfare["CAN"]:0.00}, the Philippines +{welfare["PHL"]:0.00}, CAD millions"));
    }

    [Fact]
    public async Task The_batch_ends_at_the_deadline_with_a_hard_Canada_and_agrees_in_round_9_with_a_soft_one()
    {
        var command = Fence().Matches(CaseStudy).Select(m => m.Groups[1].Value.Trim()).Single(b => b.Contains(" batch ", StringComparison.Ordinal));
        var arguments = Documentation.CommandArguments(command);
        arguments[^1] = Path.Combine(scratch, "results");

        var result = await TradeSimProcess.RunAsync(arguments);

        result.ExitCode.Should().Be(0, result.Stderr);
        var rows = File.ReadAllLines(Path.Combine(scratch, "results", "runs.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        // Columns: run_id, variant, replicate, seed, countries.CAN.objective, countries.CAN.strategy.e, negotiation, party, status, round, ...
        rows.Should().HaveCount(12, "six variants, two parties each");
        foreach (var row in rows)
        {
            (row[8], row[9]).Should().Be(row[5] == "0.1" ? ("deadline", "20") : ("agreed", "9"), string.Join(',', row));
        }
    }

    [GeneratedRegex("```(?:bash)?\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex Fence();
}
