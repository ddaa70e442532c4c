using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>
/// The US–Canada case study (docs/case-studies/us-canada.md): its commands work and print the numbers it quotes, and the
/// tariff revenue Canada collects with its counter-tariffs in the November world is the
/// hand-computed 25% of the imports under them.
/// </summary>
public sealed partial class UsCanadaCaseStudyTests
{
    private static readonly string CaseStudy = Documentation.Read("case-studies/us-canada.md");

    /// <summary>The case study with every run of white space one blank, so that prose checks do not depend on where lines wrap.</summary>
    private static readonly string Flat = Documentation.ReadFlat("case-studies/us-canada.md");

    private static string Quoted(double value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture).Replace("-", "−", StringComparison.Ordinal);

    /// <summary>The case study's <c>evaluate scenarios/calibration/us-canada-2024.yaml</c> commands, as arguments (single quotes stripped).</summary>
    private static List<string[]> EvaluateCommands() =>
        [.. EvaluateCommand().Matches(CaseStudy).Select(m => m.Groups[1].Value.Replace("'", "", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries))];

    private static async Task<JsonNode> EvaluateJson(string[] args)
    {
        var result = await TradeSimProcess.RunAsync([.. args, "--format", "json"], environment: null);
        result.ExitCode.Should().Be(0, result.Stderr);
        return JsonNode.Parse(result.Stdout)!;
    }

    private static async Task<JsonNode> CanadaAfter(string[] args) =>
        (await EvaluateJson(args))["countries"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "CAN")!;

    private static double QuotaRentAfter(JsonNode evaluation, string importer, string exporter, string sector) =>
        evaluation["markets"]!.AsArray()
            .Single(m => m!["importer"]!.GetValue<string>() == importer && m["sector"]!.GetValue<string>() == sector)!["suppliers"]!.AsArray()
            .Single(s => s!["exporter"]!.GetValue<string>() == exporter)!["quota"]!["rent_after"]!.GetValue<double>();

    [Fact]
    public async Task The_case_study_s_four_evaluations_print_the_changes_it_quotes_and_the_counter_tariff_revenue_computed_by_hand()
    {
        var commands = EvaluateCommands();
        commands.Should().HaveCount(4, "the case study evaluates the November world with and without the counter-tariffs, then the duties on Canada alone with and without them");
        var canada = new List<JsonNode>();
        foreach (var command in commands)
        {
            canada.Add(await CanadaAfter(command));
        }

        // The first command is the calibration of the opening comment of us-canada.yaml: the same sets.
        var scenarioText = File.ReadAllText(RepositoryPaths.Scenario("us-canada.yaml"));
        var calibrationSets = SetOption().Matches(scenarioText).Select(m => m.Groups[1].Value);
        commands[0].Where(a => a.Contains('=', StringComparison.Ordinal)).Should().BeEquivalentTo(calibrationSets);

        // By hand: Canada's only tariffs are its 25% counter-tariffs, on the November imports of US steel,
        // aluminum and vehicles in us-canada.yaml (values at world prices, rounded to 0.1 there):
        // 0.25 × (2,796 + 485.7 + 2,435.6) = 1,429.325, and the rent of its steel quota on the rest of the world
        // (the importers hold the permits), which the JSON reports with that supplier. Without the
        // counter-tariffs Canada still collects the quota rent; with neither, nothing, before or after.
        var rent = QuotaRentAfter(await EvaluateJson(commands[0]), "CAN", "ROW", "steel");
        rent.Should().BePositive("the quota binds: Canada's counter-tariff on US steel diverts demand to the rest of the world");
        canada[0]["welfare"]!["tariff_revenue"]!.GetValue<double>().Should().BeApproximately((0.25 * (2796 + 485.7 + 2435.6)) + rent, 0.25 * 0.15);
        canada[3]["welfare"]!["tariff_revenue"]!.GetValue<double>().Should().Be(0);

        // The headline: against the pre-2025 world, the November world (the US's 2025 duties on Canada and
        // on everyone else, Canada's answers) lowers Canada's welfare, ΔW = ΔCS + ΔTR + ΔPS, and so do the US
        // duties on Canada alone. (Before the world was complete, the rest of the world's supply covered only
        // its sales to the US and Canada, its price fell 4% and Canada's welfare rose by 15,128.55.)
        canada[0]["welfare"]!["total"]!.GetValue<double>().Should().BeNegative("the 2025 tariffs cost Canada welfare");
        canada[2]["welfare"]!["total"]!.GetValue<double>().Should().BeNegative();
        canada[3]["welfare"]!["total"]!.GetValue<double>().Should().BeNegative();
        Flat.Should().Contain($"the {Quoted(canada[0]["welfare"]!["tariff_revenue"]!.GetValue<double>())} of tariff revenue (25% of the November imports under the counter-tariffs, 2,796 + 485.7 + 2,435.6, and {Quoted(rent)} of steel quota rent)");

        double[] Row(JsonNode c) =>
        [
            c["exports_change"]!.GetValue<double>(), c["measures"]!["mercantilist"]!.GetValue<double>(),
            c["measures"]!["welfare"]!.GetValue<double>(), c["welfare"]!["producer_surplus"]!.GetValue<double>(),
        ];
        var rows = canada.Select(Row).ToList();
        string[] labels = ["exports", "mercantilist (exports − imports)", "welfare (ΔCS + ΔTR + ΔPS)", "of which producers' surplus"];
        for (var i = 0; i < labels.Length; i++)
        {
            var row = $"| {labels[i]} | {string.Join(" | ", rows.Select(r => Quoted(r[i])))} |";
            Flat.Contains(row, StringComparison.Ordinal).Should().BeTrue($"the case study's table quotes what the commands print: {row}");
        }

        // What the retaliation is worth, as the prose quotes it: (1) − (2) and (3) − (4).
        Flat.Should().Contain($"Retaliation is worth {Quoted(rows[0][2] - rows[1][2])} of welfare to Canada in the November world ((1) − (2); {Quoted(rows[2][2] - rows[3][2])} with")
            .And.Contain($"It costs Canada {Quoted(rows[1][0] - rows[0][0])} of exports");
    }

    [Fact]
    public async Task Without_its_events_the_table_agrees_at_round_28_with_the_gains_the_case_study_quotes()
    {
        // The case study pipes the file without its events (sed '/^events:/,$d') to run /dev/stdin.
        var text = File.ReadAllText(RepositoryPaths.Scenario("us-canada.yaml"));
        var withoutEvents = text[..text.IndexOf("\nevents:", StringComparison.Ordinal)] + "\n";
        CaseStudy.Should().Contain("sed '/^events:/,$d' scenarios/us-canada.yaml | dotnet run --project Client -- run /dev/stdin");

        var result = await TradeSimProcess.RunAsync(["run", "/dev/stdin", "--format", "json"], environment: null, stdin: withoutEvents);

        result.ExitCode.Should().Be(0, result.Stderr);
        var outcome = JsonNode.Parse(result.Stdout)!;
        var talks = outcome["negotiations"]![0]!;

        // The figures the case study quotes are the run's; the independent replay of the same text (brute
        // force over every outcome, whole-world values) must reach the same round, agreement and gains.
        var scenario = ScenarioLoader.Parse(withoutEvents, "us-canada.yaml");
        outcome.ShouldMatchReplay(ReferenceRun.Play(scenario, scenario.Seed));
        talks["status"]!.GetValue<string>().Should().Be("agreed");
        talks["round"]!.GetValue<int>().Should().Be(28);
        Flat.Should().Contain("agrees at round 28")
            .And.Contain($"Canada would have gained {Quoted(talks["gain"]!["CAN"]!.GetValue<double>())} and the US {Quoted(talks["gain"]!["USA"]!.GetValue<double>())}");
    }

    [GeneratedRegex(@"^dotnet run --project Client -- (evaluate scenarios/calibration/us-canada-2024\.yaml .*)$", RegexOptions.Multiline)]
    private static partial Regex EvaluateCommand();

    [GeneratedRegex(@"--set (\S+)")]
    private static partial Regex SetOption();
}
