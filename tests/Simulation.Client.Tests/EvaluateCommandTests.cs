using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>
/// `tradesim evaluate` end to end on files written by hand: the single-market reference cases of
/// tests/data/market-model-cases.csv (importer buys 100 from a beneficiary, 400 from others, both
/// at 10%; the beneficiary's tariff goes to 0; ε = σ = 1.5), and the objectives' formulas on the
/// shipped canola scenario.
/// </summary>
public sealed class EvaluateCommandTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-evaluate-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private const string ReferenceMarket = """
        name: Reference case A/C
        model: ces
        sectors:
          generic: { demand_elasticity: 1.5, substitution_elasticity: 1.5 }
        countries:
          IDN: { name: Importer }
          BEN: { name: Beneficiary }
          OTH: { name: Others }
        trade:
          - { importer: IDN, exporter: BEN, sector: generic, value: 100, tariff: 10 }
          - { importer: IDN, exporter: OTH, sector: generic, value: 400, tariff: 10 }
        """;

    [Fact]
    public async Task Reproduces_reference_case_C_with_ces()
    {
        var json = await EvaluateJsonAsync(Write("case.yaml", ReferenceMarket), "--set", "IDN:BEN:generic=0", "--model", "ces");

        json["model"]!.GetValue<string>().Should().Be("ces");
        var market = json["markets"]!.AsArray().Should().ContainSingle().Subject!;
        market["importer"]!.GetValue<string>().Should().Be("IDN");
        market["sector"]!.GetValue<string>().Should().Be("generic");
        var beneficiary = market["suppliers"]![0]!;
        beneficiary["exporter"]!.GetValue<string>().Should().Be("BEN");
        beneficiary["tariff_before"]!.GetValue<double>().Should().Be(10);
        beneficiary["tariff_after"]!.GetValue<double>().Should().Be(0);
        beneficiary["value_before"]!.GetValue<double>().Should().Be(100);
        var c = MarketModelCases.Get("C");
        beneficiary["value_after"]!.GetValue<double>().Should().BeApproximately(c.NewBeneficiaryValue!.Value, 1e-6, "case C, new M_beneficiary");
        market["suppliers"]![1]!["value_after"]!.GetValue<double>().Should().BeApproximately(c.NewOthersValue!.Value, 1e-6, "case C, new M_others");
        market["tariff_revenue_change"]!.GetValue<double>().Should().BeApproximately(c.RevenueChange!.Value, 1e-6, "case C, dTR");
        (market["consumer_surplus_change"]!.GetValue<double>() + market["tariff_revenue_change"]!.GetValue<double>())
            .Should().BeApproximately(c.Welfare!.Value, 1e-6, "case C, welfare");
        beneficiary["world_price"]!.GetValue<double>().Should().Be(1);

        var importer = json["countries"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "IDN")!;
        importer["welfare"]!["total"]!.GetValue<double>().Should().BeApproximately(c.Welfare!.Value, 1e-6, "the importer's welfare is its market's ΔCS + ΔTR");
        json["warnings"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Reports_a_filled_quota_with_its_state_fill_rate_and_rent()
    {
        // BEN's 100 exceed the quota of 80, so the base entered at the over-quota 10%: rent 80 × 10% = 8.
        // Cutting the over-quota tariff to 4%: q_BEN = 100 (1.04/1.1)^(−1.5) = 108.777486 (σ = ε, so only
        // BEN's own price matters) ≥ 80, still filled: rent 80 × 4% = 3.2.
        var scenario = ReferenceMarket.Replace(
            "value: 100, tariff: 10 }", "value: 100, tariff: 10, quota: { volume: 80, in_quota_tariff: 0, rent: importer } }", StringComparison.Ordinal);
        var json = await EvaluateJsonAsync(Write("quota.yaml", scenario), "--set", "IDN:BEN:generic=4", "--model", "ces");

        var beneficiary = json["markets"]![0]!["suppliers"]![0]!;
        beneficiary["value_after"]!.GetValue<double>().Should().BeApproximately(108.777486, 1e-6);
        var quota = beneficiary["quota"]!;
        quota["state"]!.GetValue<string>().Should().Be("filled");
        quota["volume"]!.GetValue<double>().Should().Be(80);
        quota["in_quota_tariff"]!.GetValue<double>().Should().Be(0);
        quota["over_quota_tariff"]!.GetValue<double>().Should().Be(4);
        quota["fill_rate"]!.GetValue<double>().Should().Be(1);
        quota["rent_before"]!.GetValue<double>().Should().BeApproximately(8, 1e-12);
        quota["rent_after"]!.GetValue<double>().Should().BeApproximately(3.2, 1e-12);
        quota["rent"]!.GetValue<string>().Should().Be("importer");
        json["markets"]![0]!["suppliers"]![1]!["quota"].Should().BeNull("OTH's line has no quota");
    }

    [Theory]
    [InlineData("IDN:BEN:generic=3")]
    [InlineData("IDN:BEN:*=0")]
    public async Task A_tariff_below_the_lines_in_quota_tariff_is_refused_with_exit_2(string set)
    {
        // The line's tariff is the over-quota tariff of its quota (in-quota 5%), so 3% or 0% cannot be one.
        var scenario = ReferenceMarket.Replace(
            "value: 100, tariff: 10 }", "value: 100, tariff: 10, quota: { volume: 80, in_quota_tariff: 5, rent: importer } }", StringComparison.Ordinal);

        var result = await TradeSimProcess.RunAsync("evaluate", Write("quota.yaml", scenario), "--set", set);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"--set[0]: {set}: the tariff {set[(set.IndexOf('=') + 1)..]} on (importer IDN, exporter BEN, sector generic) is below the in-quota tariff 5 of its tariff-rate quota");
        result.Stdout.Should().BeEmpty();
        CommandLineAssertions.NoStackTrace(result);
    }

    [Fact]
    public async Task Reproduces_reference_case_A_with_smart()
    {
        var json = await EvaluateJsonAsync(Write("case.yaml", ReferenceMarket), "--set", "IDN:BEN:generic=0", "--model", "smart");

        var market = json["markets"]![0]!;
        var beneficiary = market["suppliers"]![0]!;
        var a = MarketModelCases.Get("A");
        beneficiary["creation"]!.GetValue<double>().Should().BeApproximately(a.TradeCreation!.Value, 1e-6, "case A, trade creation");
        beneficiary["diversion"]!.GetValue<double>().Should().BeApproximately(a.TradeDiversion!.Value, 1e-6, "case A, diversion to the beneficiary");
        beneficiary["value_after"]!.GetValue<double>().Should().BeApproximately(a.NewBeneficiaryValue!.Value, 1e-6, "case A, new M_beneficiary");
        market["suppliers"]![1]!["value_after"]!.GetValue<double>().Should().BeApproximately(a.NewOthersValue!.Value, 1e-6, "case A, new M_others");
        market["tariff_revenue_change"]!.GetValue<double>().Should().BeApproximately(a.RevenueChange!.Value, 1e-6, "case A, dTR");
        (market["consumer_surplus_change"]!.GetValue<double>() + market["tariff_revenue_change"]!.GetValue<double>())
            .Should().BeApproximately(a.Welfare!.Value, 1e-6, "case A, welfare W");
    }

    [Fact]
    public async Task Smart_warns_of_negative_imports_on_a_large_increase()
    {
        // Case D's setting (a 100-point surtax on one of two equal suppliers) with ε = σ = 4:
        // the linear form's trade creation alone exceeds the beneficiary's imports.
        var file = Write("surtax.yaml", ReferenceMarket.Replace("1.5, substitution_elasticity: 1.5", "4, substitution_elasticity: 4").Replace("value: 400", "value: 100"));

        var json = await EvaluateJsonAsync(file, "--set", "IDN:BEN:generic=110", "--model", "smart");

        json["markets"]![0]!["suppliers"]![0]!["value_after"]!.GetValue<double>().Should().BeNegative("SMART's prediction is reported, not clamped");
        json["warnings"]!.AsArray().Should().NotBeEmpty();
    }

    [Fact]
    public async Task Smart_s_large_change_artefacts_are_marked_not_valid_in_json()
    {
        // The issue's reproducer: China's duty on Canadian canola seed 9% → 84.8% under smart. The relative
        // price change Δ = 1.848/1.09 − 1 = 0.695 makes the diversion denominator 3,990 + 350 − 3,990·4.9·0.695
        // negative, so TD flips sign: diversion *towards* Canada, whose price rose, of 3,990·350·4.9·0.695 /
        // (3,990·4.9·0.695 − 4,340) = 514.1, and ROW's imports fall to 350 − 514.1 = −164.1.
        var json = await EvaluateJsonAsync(Path.Combine("scenarios", "canada-china-canola.yaml"), "--set", "CHN:CAN:canola_seed=84.8", "--model", "smart");

        var china = json["markets"]!.AsArray().Single(m => m!["importer"]!.GetValue<string>() == "CHN")!;
        china["valid"]!.GetValue<bool>().Should().BeFalse();
        china["reason"]!.GetValue<string>().Should().Contain("use ces or gsim");
        JsonNode Supplier(string id) => china["suppliers"]!.AsArray().Single(s => s!["exporter"]!.GetValue<string>() == id)!;
        Supplier("CAN")["diversion"]!.GetValue<double>().Should().BeApproximately(3990 * 350 * 4.9 * (1.848 / 1.09 - 1) / ((3990 * 4.9 * (1.848 / 1.09 - 1)) - 4340), 1e-6, "the artefact is reported as the form gives it");
        Supplier("CAN")["valid"]!.GetValue<bool>().Should().BeFalse();
        Supplier("CAN")["reason"]!.GetValue<string>().Should().StartWith("trade diversion undefined: CAN's relative price change 0.695");
        Supplier("ROW")["valid"]!.GetValue<bool>().Should().BeFalse();
        Supplier("ROW")["reason"]!.GetValue<string>().Should().Contain("negative imports (-164.11)");
        Supplier("CHN")["valid"]!.GetValue<bool>().Should().BeTrue("SMART keeps home sales as they are");
        Supplier("CHN")["reason"].Should().BeNull();

        var japan = json["markets"]!.AsArray().Single(m => m!["importer"]!.GetValue<string>() == "JPN")!;
        japan["valid"]!.GetValue<bool>().Should().BeTrue();
        json["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).Should().Contain("the country totals of CAN, CHN, ROW include values marked not valid");
    }

    [Fact]
    public async Task Smart_s_warnings_come_before_the_tables_and_the_rows_are_marked()
    {
        var result = await TradeSimProcess.RunAsync("evaluate", Path.Combine("scenarios", "canada-china-canola.yaml"), "--set", "CHN:CAN:canola_seed=84.8", "--model", "smart");

        result.ExitCode.Should().Be(0, result.Stderr);
        var lines = result.Stdout.Split('\n');
        var firstWarning = Array.FindIndex(lines, l => l.StartsWith("warning: smart's trade diversion for CHN from CAN", StringComparison.Ordinal));
        var firstTable = Array.FindIndex(lines, l => l.Contains("imports of canola_seed", StringComparison.Ordinal));
        firstWarning.Should().BeGreaterThan(-1);
        firstWarning.Should().BeLessThan(firstTable, "warnings come before the tables they qualify");
        lines.Should().Contain(l => Regex.IsMatch(l, @"^│ CAN\s+│.*│\s+no\s+│$"), "Canada's row in China's market is marked not valid");
        lines.Should().Contain(l => Regex.IsMatch(l, @"^│ CHN\b.*│\s+yes\s+│$"), "China's home producers are not marked");
    }

    [Fact]
    public async Task Ces_marks_nothing_for_the_same_change()
    {
        var json = await EvaluateJsonAsync(Path.Combine("scenarios", "canada-china-canola.yaml"), "--set", "CHN:CAN:canola_seed=84.8", "--model", "ces");

        json["markets"]!.AsArray().Should().OnlyContain(m => m!["valid"]!.GetValue<bool>() && m["suppliers"]!.AsArray().All(s => s!["valid"]!.GetValue<bool>()));
        json["warnings"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Country_measures_follow_the_objectives_formulas()
    {
        // DESIGN §3.3 with CAN's weights in scenarios/canada-china-canola.yaml (λ_canola = 1, ω_USA = 0.8):
        // political − welfare = λ·ΔPS_canola, and mercantilist = Σ_p ω_p ΔX_p − ΔM.
        var json = await EvaluateJsonAsync(Path.Combine("scenarios", "canada-china-canola.yaml"), "--set", "CHN:CAN:canola_seed=84.8");

        json["model"]!.GetValue<string>().Should().Be("gsim");
        var can = json["countries"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "CAN")!;
        var measures = can["measures"]!;
        var welfare = can["welfare"]!;
        var producerSurplus = welfare["producer_surplus"]!.GetValue<double>();
        producerSurplus.Should().BeNegative("a Chinese duty lowers Canada's canola price");
        (measures["political"]!.GetValue<double>() - measures["welfare"]!.GetValue<double>()).Should().BeApproximately(1 * producerSurplus, 1e-6);
        welfare["total"]!.GetValue<double>().Should().BeApproximately(
            welfare["consumer_surplus"]!.GetValue<double>() + welfare["tariff_revenue"]!.GetValue<double>() + producerSurplus, 1e-9);

        var before = can["exports"]!["before"]!.AsObject();
        var after = can["exports"]!["after"]!.AsObject();
        var weighted = before.Sum(p => (p.Key == "USA" ? 0.8 : 1) * (after[p.Key]!.GetValue<double>() - p.Value!.GetValue<double>()));
        measures["mercantilist"]!.GetValue<double>().Should().BeApproximately(weighted - can["imports_change"]!.GetValue<double>(), 1e-6);
        can["objective"]!["kind"]!.GetValue<string>().Should().Be("political");
        can["objective"]!["value"]!.GetValue<double>().Should().Be(measures["political"]!.GetValue<double>());

        // Finite supply couples markets: Canada's world price falls in Japan too.
        var japan = json["markets"]!.AsArray().Single(m => m!["importer"]!.GetValue<string>() == "JPN")!;
        japan["suppliers"]![0]!["world_price"]!.GetValue<double>().Should().BeLessThan(1);
    }

    [Fact]
    public async Task Exports_by_partner_give_values_and_shares_before_and_after()
    {
        // Case C of market-model-cases.csv: IDN's duty on CAN goes from 10% to 0 and CAN's exports to
        // IDN rise from 100 to the case's new value; the 50 to the USA, another market, stay.
        var file = Path.Combine(RepositoryPaths.Root, "tests", "Simulation.Client.Tests", "Scenarios", "two-partners.yaml");
        var json = await EvaluateJsonAsync(file, "--set", "IDN:CAN:goods=0");
        var caseC = MarketModelCases.Get("C").NewBeneficiaryValue!.Value;

        var exports = json["countries"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "CAN")!["exports"]!;
        exports["before"]!["IDN"]!.GetValue<double>().Should().Be(100);
        exports["before"]!["USA"]!.GetValue<double>().Should().Be(50);
        exports["after"]!["IDN"]!.GetValue<double>().Should().BeApproximately(caseC, 1e-6);
        exports["after"]!["USA"]!.GetValue<double>().Should().BeApproximately(50, 1e-9);
        exports["share_before"]!["IDN"]!.GetValue<double>().Should().BeApproximately(100.0 / 150, 1e-12);
        exports["share_before"]!["USA"]!.GetValue<double>().Should().BeApproximately(50.0 / 150, 1e-12);
        exports["share_after"]!["IDN"]!.GetValue<double>().Should().BeApproximately(caseC / (caseC + 50), 1e-8);
        exports["share_after"]!.AsObject().Sum(p => p.Value!.GetValue<double>()).Should().BeApproximately(1, 1e-12);
        exports["largest_before"]!["partner"]!.GetValue<string>().Should().Be("IDN");
        exports["largest_before"]!["share"]!.GetValue<double>().Should().BeApproximately(100.0 / 150, 1e-12);
        exports["largest_after"]!["share"]!.GetValue<double>().Should().BeApproximately(caseC / (caseC + 50), 1e-8);

        var idn = json["countries"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "IDN")!["exports"]!;
        idn["share_before"]!.AsObject().Should().BeEmpty("IDN exports nothing");
        idn.AsObject().ContainsKey("largest_before").Should().BeTrue("a missing largest partner is written as null");
        idn["largest_before"].Should().BeNull();
    }

    [Fact]
    public async Task The_table_lists_exports_by_partner_with_shares_before_and_after()
    {
        var file = Path.Combine(RepositoryPaths.Root, "tests", "Simulation.Client.Tests", "Scenarios", "two-partners.yaml");

        var result = await TradeSimProcess.RunAsync("evaluate", file, "--set", "IDN:CAN:goods=0");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("Countries: exports by partner");
        // 100 of 150 before; after, case C's 115.368973 of 165.368973 = 69.8%.
        result.Stdout.Split('\n').Should().Contain(line => line.Contains("IDN") && line.Contains("100.00") && line.Contains("115.37") && line.Contains("66.7% → 69.8%"));
        result.Stdout.Split('\n').Should().Contain(line => line.Contains("largest partner") && line.Contains("IDN 66.7% → IDN 69.8%"));
    }

    [Fact]
    public async Task The_table_lists_sales_elsewhere_for_a_supplier_with_a_total()
    {
        // S sells 100 to each of A and B and, by its total 400, 200 elsewhere; ε = ε_R = ε_x = 1. B's 100% duty
        // gives 350/pw = 400 pw (pw² = 7/8), and S's sales elsewhere are worth pw · 200/pw = 200 before and after.
        var file = Write("elsewhere.yaml", """
            name: Elsewhere
            model: gsim
            sectors:
              goods: { demand_elasticity: 1, substitution_elasticity: 4, supply_elasticity: 1 }
            countries: { A: {}, B: {}, S: {} }
            trade:
              - { importer: A, exporter: S, sector: goods, value: 100, tariff: 0 }
              - { importer: B, exporter: S, sector: goods, value: 100, tariff: 0 }
            supply:
              - { country: S, sector: goods, total: 400 }
            """);

        var result = await TradeSimProcess.RunAsync("evaluate", file, "--set", "B:S:goods=100");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("Countries: sales elsewhere");
        result.Stdout.Split('\n').Should().Contain(line => line.Contains(" S ") && line.Contains("goods") && line.Contains("200.00"));
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    public async Task Gsim_finding_no_equilibrium_exits_with_1_and_says_so(string format)
    {
        var file = Path.Combine(RepositoryPaths.Root, "tests", "Simulation.Client.Tests", "Scenarios", "no-equilibrium.yaml");

        var result = await TradeSimProcess.RunAsync("evaluate", file, "--set", "C0:C1:goods=10000", "--format", format);

        result.ExitCode.Should().Be(1);
        result.Stderr.Should().StartWith("error: gsim found no equilibrium in sector goods: ").And.NotContain(" at Simulation.");
        result.Stdout.Should().BeEmpty();
    }

    [Theory]
    [InlineData("--set", "IDN:BEN:nothing=0")]
    [InlineData("--set", "IDN:BEN:generic=-5")]
    [InlineData("--set", "IDN:BEN:generic=20000")]
    [InlineData("--set", "IDN:BEN:generic=1e400")]
    [InlineData("--set", "IDN:BEN:generic=NaN")]
    [InlineData("--set", "IDN-BEN-generic=0")]
    [InlineData("--model", "gtap", "--set", "IDN:BEN:generic=0")]
    public async Task Bad_changes_are_input_errors(params string[] options)
    {
        var result = await TradeSimProcess.RunAsync(["evaluate", Write("case.yaml", ReferenceMarket), .. options]);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().StartWith("error:");
        result.Stdout.Should().BeEmpty();
    }

    private async Task<JsonNode> EvaluateJsonAsync(string scenario, params string[] options)
    {
        var result = await TradeSimProcess.RunAsync(["evaluate", scenario, "--format", "json", .. options]);
        result.ExitCode.Should().Be(0, result.Stderr);
        return JsonNode.Parse(result.Stdout)!;
    }

    private string Write(string name, string contents)
    {
        var path = Path.Combine(scratch, name);
        File.WriteAllText(path, contents);
        return path;
    }
}
