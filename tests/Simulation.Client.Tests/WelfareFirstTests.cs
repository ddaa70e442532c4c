using System.Globalization;
using System.Text.Json.Nodes;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>
/// Outputs lead each country with its welfare change ΔW and name the objective its negotiators
/// pursue beside it (DESIGN §3.3): a mercantilist score and ΔW can have opposite signs, and a reader
/// must never take one for the other. The numbers are hand-computed (a one-supplier CES market) or
/// the independent replay's (<see cref="ReferenceRun"/>); the labels and their order are the point.
/// </summary>
public sealed class WelfareFirstTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-welfare-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    /// <summary>
    /// AAA buys 100 of goods from BBB at 10%, BBB's supply infinite, ε = 2 (σ is idle with one
    /// supplier). Cutting the tariff to 0 (DESIGN §3.2, ces): p̂ = P̂ = 1/1.1, Q̂ = P̂^(−2) = 1.21, so
    /// imports go 100 → 121 at world price 1. ΔCS = E0 (1 − P̂^(1−ε))/(1 − ε) = 110 (1 − 1.1)/(−1) = 11;
    /// ΔTR = 0 − 10 = −10; ΔPS = 0 (infinite supply); ΔW = 1. AAA's mercantilist score is −ΔM = −21:
    /// it gains welfare and "loses" by the negotiators' count. BBB: exports +21, ΔW 0.
    /// </summary>
    private const string OneSupplier = """
        name: One supplier
        model: ces
        sectors:
          goods: { demand_elasticity: 2, substitution_elasticity: 2, supply_elasticity: infinite }
        countries:
          AAA: {}
          BBB: {}
        trade:
          - { importer: AAA, exporter: BBB, sector: goods, value: 100, tariff: 10 }
        """;

    [Fact]
    public async Task A_tariff_cut_that_raises_welfare_and_lowers_the_mercantilist_score_shows_both_named_welfare_first()
    {
        var file = Write("one-supplier.yaml", OneSupplier);

        var table = await TradeSimProcess.RunAsync("evaluate", file, "--set", "AAA:BBB:goods=0");
        var json = await TradeSimProcess.RunAsync("evaluate", file, "--set", "AAA:BBB:goods=0", "--format", "json");

        (table.ExitCode, json.ExitCode).Should().Be((0, 0), table.Stderr + json.Stderr);
        var rows = Rows(table.Stdout);
        rows.Should().ContainInOrder(
            Row("Country", "ΔCS", "ΔTR", "ΔPS", "ΔW", "Objective", "Score"),
            Row("AAA", "11.00", "-10.00", "0.00", "1.00", "mercantilist score", "-21.00"),
            Row("BBB", "0.00", "0.00", "0.00", "0.00", "mercantilist score", "21.00"));
        rows.Should().ContainInOrder(
            Row("Country", "Exports Δ", "Imports Δ", "Mercantilist score", "Welfare score", "Political-economy score"),
            Row("AAA", "0.00", "21.00", "-21.00", "1.00", "1.00"),
            Row("BBB", "21.00", "0.00", "21.00", "0.00", "0.00"));
        table.Stdout.Should().Contain("ΔW = ΔCS + ΔTR + ΔPS");

        var importer = JsonNode.Parse(json.Stdout)!["countries"]![0]!;
        importer.AsObject().Select(p => p.Key).Should().StartWith(["id", "welfare", "objective"]);
        importer["welfare"]!["total"]!.GetValue<double>().Should().BeApproximately(1, 1e-9, "ΔW = 11 − 10");
        importer["welfare"]!["consumer_surplus"]!.GetValue<double>().Should().BeApproximately(11, 1e-9);
        importer["objective"]!["name"]!.GetValue<string>().Should().Be("mercantilist score");
        importer["objective"]!["value"]!.GetValue<double>().Should().BeApproximately(-21, 1e-9, "−ΔM, imports 100 → 121");
    }

    [Fact]
    public async Task In_the_CEPA_run_Indonesia_s_positive_mercantilist_score_stands_beside_its_welfare_loss_both_named()
    {
        var shipped = Path.Combine("scenarios", "canada-indonesia.yaml");
        var expected = ReferenceRun.Play(ScenarioLoader.LoadFile(RepositoryPaths.Scenario("canada-indonesia.yaml")), seed: 42).Negotiation("CAN-IDN");

        var table = await TradeSimProcess.RunAsync("run", shipped, "--engine", "local");
        var json = await TradeSimProcess.RunAsync("run", shipped, "--engine", "local", "--format", "json");

        (table.ExitCode, json.ExitCode).Should().Be((0, 0), table.Stderr + json.Stderr);
        var indonesia = JsonNode.Parse(json.Stdout)!["countries"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "IDN")!;
        var welfare = indonesia["welfare"]!["total"]!.GetValue<double>();
        var score = expected.Gain["IDN"];
        (Math.Sign(welfare), Math.Sign(score)).Should().Be((-1, 1), "Indonesia concedes tariff revenue worth more than its consumers gain, while its exports rise");
        var rows = Rows(table.Stdout);
        rows.Should().ContainInOrder(
            Row("Country", "ΔCS", "ΔTR", "ΔPS", "ΔW", "Objective", "Score"),
            Row("IDN", Money(indonesia["welfare"]!["consumer_surplus"]!.GetValue<double>()), Money(indonesia["welfare"]!["tariff_revenue"]!.GetValue<double>()),
                "0.00", Money(welfare), "mercantilist score", Money(score)));
        Cells(table.Stdout).Should().Contain(r => r.Length > 4 && r[0] == "Negotiation" && r[4] == "Gain in mercantilist score (CAD millions)");
        table.Stdout.Should().Contain($"gains in mercantilist score CAN {Money(expected.Gain["CAN"])}, IDN {Money(score)} (CAD millions)");
        table.Stdout.Split('\n').Should().NotContain(l => l.Contains("│ Gain (", StringComparison.Ordinal), "no gain is left unnamed");
    }

    [Fact]
    public async Task Parties_with_different_objectives_each_have_their_gain_under_their_own_objective_s_heading()
    {
        var text = File.ReadAllText(RepositoryPaths.Scenario("equal-lines.yaml"))
            .Replace("AAA: { name: A, strategy: linear }", "AAA: { name: A, strategy: linear, objective: welfare }", StringComparison.Ordinal);
        text.Should().Contain("objective: welfare");
        var file = Write("mixed.yaml", text);

        var table = await TradeSimProcess.RunAsync("run", file, "--engine", "local");
        var json = await TradeSimProcess.RunAsync("run", file, "--engine", "local", "--format", "json");

        (table.ExitCode, json.ExitCode).Should().Be((0, 0), table.Stderr + json.Stderr);
        var negotiation = JsonNode.Parse(json.Stdout)!["negotiations"]![0]!;
        negotiation["gain_measure"]!.AsObject().Select(p => (p.Key, p.Value!.GetValue<string>()))
            .Should().Equal(("AAA", "welfare score"), ("BBB", "mercantilist score"));
        var gainOf = (string party) => Money(negotiation["gain"]![party]!.GetValue<double>());
        var rows = Rows(table.Stdout);
        var cells = Cells(table.Stdout);
        rows.Should().ContainInOrder(
            Row("Negotiation", "Status", "Round", "Party", "Gain in welfare score (USD millions)", "Gain in mercantilist score (USD millions)", "Utility", "Reservation"));
        cells.Should().Contain(r => r.Length == 8 && r[3] == "AAA" && r[4] == gainOf("AAA") && r[5] == "");
        cells.Should().Contain(r => r.Length == 8 && r[3] == "BBB" && r[4] == "" && r[5] == gainOf("BBB"));
        table.Stdout.Should().Contain($"gains AAA {gainOf("AAA")} in welfare score, BBB {gainOf("BBB")} in mercantilist score (USD millions)");
        cells.Should().Contain(r => r.Length == 7 && r[0] == "AAA" && r[5] == "welfare score");
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(scratch, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The cells of every table row printed, trimmed.</summary>
    private static List<string[]> Cells(string stdout) =>
        [.. stdout.Split('\n').Where(l => l.StartsWith('│')).Select(l => l.Trim().Trim('│').Split('│').Select(c => c.Trim()).ToArray())];

    /// <summary>Every table row printed, its cells joined as <see cref="Row"/> joins them.</summary>
    private static List<string> Rows(string stdout) => [.. Cells(stdout).Select(c => Row(c))];

    private static string Row(params string[] cells) => string.Join(" | ", cells);

    private static string Money(double value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture) is var text && text == "-0.00" ? "0.00" : text;
}
