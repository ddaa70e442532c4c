using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>
/// The README's US–Canada section: its commands work and print the numbers it quotes, and the
/// tariff revenue Canada gives up with its counter-tariffs is the hand-computed 25% of the imports
/// under them.
/// </summary>
public sealed partial class UsCanadaReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

    /// <summary>The README with every run of white space one blank, so that prose checks do not depend on where lines wrap.</summary>
    private static readonly string Flat = Regex.Replace(Readme, @"\s+", " ");

    private static string Quoted(double value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture).Replace("-", "−", StringComparison.Ordinal);

    /// <summary>The README's <c>evaluate scenarios/us-canada.yaml</c> commands, as arguments (single quotes stripped).</summary>
    private static List<string[]> EvaluateCommands() =>
        [.. EvaluateCommand().Matches(Readme).Select(m => m.Groups[1].Value.Replace("'", "", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries))];

    private static async Task<JsonNode> CanadaAfter(string[] args)
    {
        var result = await TradeSimProcess.RunAsync([.. args, "--format", "json"], environment: null);
        result.ExitCode.Should().Be(0, result.Stderr);
        return JsonNode.Parse(result.Stdout)!["countries"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "CAN")!;
    }

    [Fact]
    public async Task The_readme_s_two_evaluations_print_the_losses_it_quotes_and_the_counter_tariff_revenue_computed_by_hand()
    {
        var commands = EvaluateCommands();
        commands.Should().HaveCount(2, "the README lifts every 2025 duty, then Canada's counter-tariffs alone");
        var all = await CanadaAfter(commands[0]);
        var counter = await CanadaAfter(commands[1]);

        // By hand: Canada's only tariffs are its 25% counter-tariffs on US steel 6,000, aluminum 2,500 and
        // vehicles 8,000 (the file's values at world prices 1), so removing them loses 0.25 × 16,500 = 4,125.
        counter["welfare"]!["tariff_revenue"]!.GetValue<double>().Should().BeApproximately(-4125, 1e-6);
        all["welfare"]!["tariff_revenue"]!.GetValue<double>().Should().BeApproximately(-4125, 1e-6);
        Flat.Should().Contain("the 4,125.00 of tariff revenue (25% of its 16,500 of imports under the counter-tariffs)");

        double[] Row(JsonNode c) =>
        [
            c["exports_change"]!.GetValue<double>(), c["measures"]!["mercantilist"]!.GetValue<double>(),
            c["measures"]!["welfare"]!.GetValue<double>(), c["welfare"]!["producer_surplus"]!.GetValue<double>(),
        ];
        var (with, worth) = (Row(all), Row(counter));
        string[] labels = ["exports", "mercantilist (exports − imports)", "welfare (ΔCS + ΔTR + ΔPS)", "of which producers' surplus"];
        for (var i = 0; i < labels.Length; i++)
        {
            var row = $"| {labels[i]} | {Quoted(with[i])} | {Quoted(worth[i])} | {Quoted(with[i] - worth[i])} |";
            Flat.Contains(row, StringComparison.Ordinal).Should().BeTrue($"the README's table quotes what the commands print: {row}");
        }
    }

    [Fact]
    public async Task Without_its_events_the_table_agrees_at_round_30_with_the_gains_the_readme_quotes()
    {
        // The README pipes the file without its events (sed '/^events:/,$d') to run /dev/stdin.
        var text = File.ReadAllText(RepositoryPaths.Scenario("us-canada.yaml"));
        var withoutEvents = text[..text.IndexOf("\nevents:", StringComparison.Ordinal)] + "\n";
        Readme.Should().Contain("sed '/^events:/,$d' scenarios/us-canada.yaml | dotnet run --project Client -- run /dev/stdin");

        var result = await TradeSimProcess.RunAsync(["run", "/dev/stdin", "--format", "json"], environment: null, stdin: withoutEvents);

        result.ExitCode.Should().Be(0, result.Stderr);
        var talks = JsonNode.Parse(result.Stdout)!["negotiations"]![0]!;
        talks["status"]!.GetValue<string>().Should().Be("agreed");
        talks["round"]!.GetValue<int>().Should().Be(30);
        Flat.Should().Contain("agrees at round 30")
            .And.Contain($"Canada would have gained {Quoted(talks["gain"]!["CAN"]!.GetValue<double>())} and the US {Quoted(talks["gain"]!["USA"]!.GetValue<double>())}");
    }

    [GeneratedRegex(@"^dotnet run --project Client -- (evaluate scenarios/us-canada\.yaml .*)$", RegexOptions.Multiline)]
    private static partial Regex EvaluateCommand();
}
