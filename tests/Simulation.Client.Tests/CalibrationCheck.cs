using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>
/// A scenario of November 2025 whose values are its calibration world (2024 flows at the tariffs
/// before the 2024-25 measures) evaluated at the November 2025 tariffs: this runs the
/// <c>tradesim evaluate</c> command of the scenario's opening comment and checks every trade and
/// domestic value of the scenario against its output, rounded to 0.1 (0.01 below 10). A market the
/// command leaves out (none of its sector's tariffs moved) keeps the calibration world's value. A
/// supplier's total sales (<c>supply:</c>) are its sales after in every market, the calibration's
/// where the command leaves the market out, plus its sales elsewhere after (DESIGN §3.2), rounded
/// the same way.
/// </summary>
internal static partial class CalibrationCheck
{
    public static async Task ValuesAreTheCalibrationEvaluatedAsync(string scenarioFile, string calibrationFile, int expectedSets, string because)
    {
        var text = File.ReadAllText(RepositoryPaths.Scenario(scenarioFile));
        var sets = SetOption().Matches(text).Select(m => m.Groups[1].Value).ToList();
        sets.Should().HaveCount(expectedSets, because);

        var calibrationPath = RepositoryPaths.Scenario(Path.Combine("calibration", calibrationFile));
        text.Should().Contain($"tradesim evaluate scenarios/calibration/{calibrationFile}", "the opening comment names the calibration file");
        var arguments = new List<string> { "evaluate", calibrationPath, "--format", "json" };
        foreach (var set in sets)
        {
            arguments.AddRange(["--set", set]);
        }

        var result = await TradeSimProcess.RunAsync([.. arguments]);
        result.ExitCode.Should().Be(0, result.Stderr);
        var after = new Dictionary<(string, string, string), double>();
        var evaluated = JsonNode.Parse(result.Stdout)!;
        foreach (var market in evaluated["markets"]!.AsArray())
        {
            foreach (var supplier in market!["suppliers"]!.AsArray())
            {
                after[(market["importer"]!.GetValue<string>(), supplier!["exporter"]!.GetValue<string>(), market["sector"]!.GetValue<string>())] =
                    supplier["value_after"]!.GetValue<double>();
            }
        }

        var calibration = ScenarioLoader.LoadFile(calibrationPath);
        var before = calibration.Trade.ToDictionary(f => (f.Importer, f.Exporter, f.Sector), f => f.Value);
        foreach (var sales in calibration.Domestic)
        {
            before[(sales.Country, sales.Country, sales.Sector)] = sales.Value;
        }

        double Expected((string, string, string) key) => after.TryGetValue(key, out var value) ? Rounded(value) : before[key];

        var scenario = ScenarioLoader.LoadFile(RepositoryPaths.Scenario(scenarioFile));
        foreach (var flow in scenario.Trade)
        {
            flow.Value.Should().Be(Expected((flow.Importer, flow.Exporter, flow.Sector)), $"{scenarioFile}: {flow.Importer} imports of {flow.Sector} from {flow.Exporter}");
        }

        foreach (var sales in scenario.Domestic)
        {
            sales.Value.Should().Be(Expected((sales.Country, sales.Country, sales.Sector)), $"{scenarioFile}: {sales.Country}'s home sales of {sales.Sector}");
        }

        var elsewhereAfter = new Dictionary<(string, string), double>();
        foreach (var country in evaluated["countries"]!.AsArray())
        {
            foreach (var (sector, sales) in country!["elsewhere"]?.AsObject() ?? [])
            {
                elsewhereAfter[(country["id"]!.GetValue<string>(), sector)] = sales!["after"]!.GetValue<double>();
            }
        }

        var listed = before.Keys.Select(k => (Key: k, Value: after.TryGetValue(k, out var v) ? v : before[k])).ToList();
        foreach (var total in calibration.Supply)
        {
            var sales = listed.Where(l => l.Key.Item2 == total.Country && l.Key.Item3 == total.Sector).ToList();
            var elsewhere = elsewhereAfter.TryGetValue((total.Country, total.Sector), out var e) ? e : total.Total - sales.Sum(l => before[l.Key]);
            scenario.Supply.Single(t => t.Country == total.Country && t.Sector == total.Sector).Total
                .Should().Be(Rounded(sales.Sum(l => l.Value) + elsewhere), $"{scenarioFile}: {total.Country}'s total sales of {total.Sector}");
        }

        scenario.Supply.Select(t => (t.Country, t.Sector)).Should().BeEquivalentTo(calibration.Supply.Select(t => (t.Country, t.Sector)), "every total of the calibration world is in the scenario, and no other");
        scenario.Trade.Select(f => (f.Importer, f.Exporter, f.Sector)).Should().BeEquivalentTo(calibration.Trade.Select(f => (f.Importer, f.Exporter, f.Sector)), "every flow of the calibration world is in the scenario, and no other");
        scenario.Domestic.Select(d => (d.Country, d.Sector)).Should().BeEquivalentTo(calibration.Domestic.Select(d => (d.Country, d.Sector)));
        after.Keys.Should().NotBeEmpty().And.OnlyContain(k => before.ContainsKey(k));
    }

    private static double Rounded(double value) => Math.Round(value, value < 10 ? 2 : 1, MidpointRounding.AwayFromZero);

    [GeneratedRegex(@"--set (\S+)")]
    private static partial Regex SetOption();
}
