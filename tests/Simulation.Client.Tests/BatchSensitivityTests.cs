using System.Globalization;
using System.Text.Json.Nodes;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>
/// `batch --sensitivity`: every estimate of the scenario drawn over its range, each measure's range
/// and correlations in DIR/sensitivity.csv and .json, and a one-at-a-time tornado. The numbers are
/// checked against what the test computes itself from runs.csv, and against `run` and `batch --vary`.
/// </summary>
public sealed class BatchSensitivityTests : IDisposable
{
    private static readonly string CanadaChina = Path.Combine("scenarios", "canada-china.yaml");
    private static readonly string Canola = Path.Combine("scenarios", "canada-china-canola.yaml");
    private const string Elasticity = "sectors.electric_vehicles.substitution_elasticity";
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-sensitivity-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task Sensitivity_on_canada_china_gives_each_measures_range_its_correlations_and_a_tornado()
    {
        var dir = Path.Combine(scratch, "cc");

        var result = await TradeSimProcess.RunAsync("batch", CanadaChina, "--sensitivity", "--runs", "20", "--plots", "--out", dir);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("Sensitivity: outcome ranges over 20 runs drawing 52 estimates")
            .And.Contain("Strongest correlations").And.Contain("Tornado: CAN-CHN.CAN.gain");
        result.Stderr.Should().Contain("then 105 tornado runs", "52 estimates at each end, and the scenario as written");

        // runs.csv: one column per estimate; CAN's gain and the EV elasticity of each run.
        var runs = Records(File.ReadAllText(Path.Combine(dir, "runs.csv")));
        var can = runs.Where(r => r["party"] == "CAN").OrderBy(r => int.Parse(r["replicate"], CultureInfo.InvariantCulture)).ToList();
        can.Should().HaveCount(20);
        var gains = can.Select(r => Number(r["gain"])).ToList();
        var elasticities = can.Select(r => Number(r[Elasticity])).ToList();
        elasticities.Should().OnlyContain(e => e >= 2.8 && e < 8.4, "the file marks 5.6 with the range 2.8 to 8.4");

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "sensitivity.json")))!;
        json["runs"]!.GetValue<int>().Should().Be(20);
        json["inputs"]!.AsArray().Should().HaveCount(52);
        var range = json["ranges"]!.AsArray().Single(r => r!["measure"]!.GetValue<string>() == "CAN-CHN.CAN.gain")!;
        range["min"]!.GetValue<double>().Should().Be(gains.Min());
        range["max"]!.GetValue<double>().Should().Be(gains.Max());
        range["p5"]!.GetValue<double>().Should().BeInRange(gains.Min(), range["p95"]!.GetValue<double>());
        // Canada's welfare change ΔW is a measure beside its objective's score: its range is that of countries.csv's welfare_total.
        var welfare = Records(File.ReadAllText(Path.Combine(dir, "countries.csv"))).Where(c => c["country"] == "CAN").Select(c => Number(c["welfare_total"])).ToList();
        var welfareRange = json["ranges"]!.AsArray().Single(r => r!["measure"]!.GetValue<string>() == "CAN.welfare")!;
        (welfareRange["min"]!.GetValue<double>(), welfareRange["max"]!.GetValue<double>()).Should().Be((welfare.Min(), welfare.Max()));

        // Pearson's r from its definition, Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²), over the same 20 runs.
        var (mx, my) = (elasticities.Average(), gains.Average());
        var r = elasticities.Zip(gains).Sum(p => (p.First - mx) * (p.Second - my))
            / Math.Sqrt(elasticities.Sum(x => (x - mx) * (x - mx)) * gains.Sum(y => (y - my) * (y - my)));
        var csv = Rows(File.ReadAllText(Path.Combine(dir, "sensitivity.csv")));
        csv[0].Should().Equal("measure", "input", "pearson", "spearman", "n");
        csv.Should().HaveCount(1 + (24 * 52), "24 measures (agreed, round, 2 × utility and gain, 9 × welfare and objective) × 52 inputs");
        var row = csv.Single(c => c[0] == "CAN-CHN.CAN.gain" && c[1] == Elasticity);
        Number(row[2]).Should().BeApproximately(r, 1e-9);
        row[4].Should().Be("20");
        csv.Single(c => c[0] == "CAN-CHN.agreed" && c[1] == Elasticity)[2].Should().BeEmpty("every run agreed, so r is undefined");

        // The tornado: the scenario as written is the run `run` makes; the EV elasticity at 2.8 is `batch --vary` at 2.8.
        var run = await TradeSimProcess.RunAsync("run", CanadaChina, "--engine", "local", "--format", "json");
        var varied = await TradeSimProcess.RunAsync("batch", CanadaChina, "--vary", $"{Elasticity}=2.8,8.4", "--out", Path.Combine(scratch, "vary"));
        (run.ExitCode, varied.ExitCode).Should().Be((0, 0), run.Stderr + varied.Stderr);
        var tornado = json["tornado"]!;
        tornado["measure"]!.GetValue<string>().Should().Be("CAN-CHN.CAN.gain");
        tornado["central"]!.GetValue<double>().Should().Be(JsonNode.Parse(run.Stdout)!["negotiations"]![0]!["gain"]!["CAN"]!.GetValue<double>());
        var bar = tornado["bars"]!.AsArray().Single(b => b!["input"]!.GetValue<string>() == Elasticity)!;
        var atEnds = Records(File.ReadAllText(Path.Combine(scratch, "vary", "runs.csv"))).Where(v => v["party"] == "CAN").ToDictionary(v => v[Elasticity], v => Number(v["gain"]));
        bar["at_low"]!.GetValue<double>().Should().Be(atEnds["2.8"]);
        bar["at_high"]!.GetValue<double>().Should().Be(atEnds["8.4"]);
        tornado["bars"]!.AsArray().Should().HaveCount(52);

        var chart = Path.Combine(dir, "plots", "tornado.png");
        PngPixels.Near(chart, PngPixels.Blue).Should().BeGreaterThan(2_000, "low ends in steel blue");
        PngPixels.Near(chart, PngPixels.Orange).Should().BeGreaterThan(2_000, "high ends in dark orange");
    }

    [Fact]
    public async Task The_sensitivity_files_do_not_depend_on_how_many_runs_are_played_at_once_and_the_measure_can_be_chosen()
    {
        var scenario = MarkedCanola();
        string[] options = ["--sensitivity", "--runs", "8", "--measure", "CAN-CHN.agreed"];
        var one = await TradeSimProcess.RunAsync(["batch", scenario, .. options, "--parallel", "1", "--out", Path.Combine(scratch, "one")]);
        var two = await TradeSimProcess.RunAsync(["batch", scenario, .. options, "--parallel", "3", "--out", Path.Combine(scratch, "two")]);

        (one.ExitCode, two.ExitCode).Should().Be((0, 0), one.Stderr + two.Stderr);
        foreach (var file in new[] { "sensitivity.csv", "sensitivity.json" })
        {
            File.ReadAllBytes(Path.Combine(scratch, "two", file)).Should().Equal(File.ReadAllBytes(Path.Combine(scratch, "one", file)), file);
        }

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(scratch, "one", "sensitivity.json")))!;
        json["tornado"]!["measure"]!.GetValue<string>().Should().Be("CAN-CHN.agreed");
        json["inputs"]!.AsArray().Select(i => i!["path"]!.GetValue<string>()).Should().Equal("sectors.canola_seed.supply_elasticity", "trade[1].value");
    }

    [Fact]
    public async Task Sensitivity_with_a_grid_or_without_estimates_is_refused_before_anything_runs()
    {
        var dir = Path.Combine(scratch, "refused");

        var grid = await TradeSimProcess.RunAsync("batch", MarkedCanola(), "--sensitivity", "--vary", "countries.CAN.strategy.e=0.2,1", "--out", dir);
        var unmarked = await TradeSimProcess.RunAsync("batch", Canola, "--sensitivity", "--out", dir);

        grid.ExitCode.Should().Be(2, grid.Stderr);
        grid.Stderr.Should().Contain("--sensitivity: cannot be combined with --vary (countries.CAN.strategy.e)");
        unmarked.ExitCode.Should().Be(2, unmarked.Stderr);
        unmarked.Stderr.Should().Contain("canada-china-canola.yaml marks no number as an estimate");
        Directory.Exists(dir).Should().BeFalse();
        CommandLineAssertions.NoStackTrace(grid);
    }

    [Theory]
    [InlineData(new[] { "--sensitivity", "--measure", "CAN-CHN.USA.gain" }, "--measure 'CAN-CHN.USA.gain': not a measure of this scenario; one of CAN-CHN.agreed, CAN-CHN.round")]
    [InlineData(new[] { "--measure", "CAN-CHN.agreed" }, "needs --sensitivity")]
    [InlineData(new[] { "--plot-run", "run-0" }, "needs --plots")]
    [InlineData(new[] { "--plots", "--plot-run", "run-0" }, "--plot-run 'run-0': not a run of this batch")]
    [InlineData(new[] { "--sensitivity", "--resume" }, "--resume cannot be combined with --sensitivity or --plots")]
    [InlineData(new[] { "--plots", "--resume" }, "--resume cannot be combined with --sensitivity or --plots")]
    public async Task A_measure_or_plot_run_that_names_nothing_is_a_usage_error(string[] options, string message)
    {
        var dir = Path.Combine(scratch, "usage");

        var result = await TradeSimProcess.RunAsync(["batch", MarkedCanola(), .. options, "--out", dir]);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain(message);
        Directory.Exists(dir).Should().BeFalse();
    }

    /// <summary>The canola scenario with its seed supply elasticity (1.5 in 1 to 3) and the ROW seed sold to China (350 in 200 to 500, the range its comment gives) marked as estimates.</summary>
    private string MarkedCanola()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, Canola))
            .Replace("domestic_substitution_elasticity: 2.45, supply_elasticity: 1.5 }", "domestic_substitution_elasticity: 2.45, supply_elasticity: 1.5, estimate: { supply_elasticity: { low: 1, high: 3 } } }", StringComparison.Ordinal)
            .Replace("value: 350,   tariff: 9 }", "value: 350,   tariff: 9, estimate: { value: { low: 200, high: 500 } } }", StringComparison.Ordinal);
        text.Should().Contain("estimate: { value:").And.Contain("estimate: { supply_elasticity:");
        var path = Path.Combine(scratch, "canola-marked.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static List<string[]> Rows(string text) =>
        [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(','))];

    private static List<Dictionary<string, string>> Records(string text)
    {
        var rows = Rows(text);
        return [.. rows.Skip(1).Select(r => rows[0].Zip(r).ToDictionary(p => p.First, p => p.Second))];
    }
}
