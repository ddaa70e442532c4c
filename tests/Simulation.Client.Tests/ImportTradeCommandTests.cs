using System.Text.RegularExpressions;
using Simulation.Tests.Shared;
using static Simulation.Client.Tests.CommandLineAssertions;

namespace Simulation.Client.Tests;

/// <summary>
/// `tradesim import-trade` end to end, and scenarios reading their trade from the file it writes: a
/// Comtrade-style extract of Canada's canola exports to China aggregated into sectors, checked against
/// a hand computation; the file read by `run` on both engines with the outcome a scenario written
/// inline gives; and what it refuses (exit 2, every problem with its line, nothing written).
/// </summary>
public sealed partial class ImportTradeCommandTests : IDisposable
{
    // Comtrade column names; Canada reports exports (flowCode X), so China is the importer. The values
    // (US dollars) are round, illustrative magnitudes of Canada's 2024 canola exports to China, not
    // data: this test checks the arithmetic. HS 2022: 120510 low-erucic rape or colza seeds, 151411
    // crude and 151419 other low-erucic rapeseed oil, 230649 low-erucic rapeseed oilcake, 100199 wheat.
    private const string Extract = """
        refYear,reporterISO,flowCode,partnerISO,cmdCode,cmdDesc,primaryValue
        2024,CAN,X,CHN,120510,"Rape or colza seeds; low erucic acid, whether or not broken",2200000000
        2024,CAN,X,CHN,151411,"Rape, colza or mustard oil; low erucic acid, crude",700000000
        2024,CAN,X,CHN,151419,"Rape, colza or mustard oil; low erucic acid, other than crude",30000000
        2024,CAN,X,CHN,230649,"Oil-cake; of low erucic acid rape or colza seeds",650000000
        2024,CAN,X,CHN,100199,"Wheat and meslin; other than durum, not seed",500000000

        """;

    // Four-digit headings carry the six-digit lines under them.
    private const string Map = "product,sector\n1205,canola_seed\n1514,canola_oil\n2306,canola_meal\n";

    // China's MFN applied rates as the issue states them: 9% on seed and oil, 5% on meal; the oil row
    // is a heading, the others exact codes.
    private const string Tariffs = "importer,exporter,product,tariff\nCHN,*,120510,9\nCHN,*,1514,9\nCHN,*,230649,5\n";

    // By hand, values / 1e6: meal 650 at 5; oil 700 + 30 = 730 at (700·9 + 30·9) / 730 = 9 (simple
    // average 9, 2 products); seed 2200 at 9. Wheat (100199) maps to nothing: 500, reported.
    private const string Expected = "importer,exporter,sector,value,tariff\nCHN,CAN,canola_meal,650,5\nCHN,CAN,canola_oil,730,9\nCHN,CAN,canola_seed,2200,9\n";

    private const string ScenarioHead = """
        name: Canola from an extract
        seed: 7
        sectors:
          canola_seed: { demand_elasticity: 1.2, substitution_elasticity: 6.6, supply_elasticity: 3 }
          canola_oil: { demand_elasticity: 1.2, substitution_elasticity: 6.6, supply_elasticity: 3 }
          canola_meal: { demand_elasticity: 1.2, substitution_elasticity: 6.6, supply_elasticity: 3 }
        countries:
          CAN: { name: Canada }
          CHN: { name: China }

        """;

    private const string ScenarioTail = """

        domestic: { file: home.csv }
        negotiations:
          - id: CAN-CHN
            parties: [CAN, CHN]
            issues:
              - { importer: CHN, exporter: CAN, sector: canola_seed, levels: [9, 4.5, 0] }
              - { importer: CHN, exporter: CAN, sector: canola_meal, levels: [5, 2.5, 0] }
        """;

    private const string InlineTables = """
        trade:
          - { importer: CHN, exporter: CAN, sector: canola_meal, value: 650, tariff: 5 }
          - { importer: CHN, exporter: CAN, sector: canola_oil, value: 730, tariff: 9 }
          - { importer: CHN, exporter: CAN, sector: canola_seed, value: 2200, tariff: 9 }
        domestic:
          - { country: CHN, sector: canola_oil, value: 4000 }
        """;

    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-import-trade-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [GeneratedRegex("\"timings\": \\{[^}]*\\}")]
    private static partial Regex Timings();

    [GeneratedRegex("\"file\": \"[^\"]*\",\\s*\"sha256\": \"[0-9a-f]{64}\"")]
    private static partial Regex ScenarioFile();

    [Fact]
    public async Task A_comtrade_extract_becomes_sector_trade_with_import_weighted_tariffs_and_unmapped_products_reported()
    {
        var output = Path.Combine(scratch, "trade.csv");

        var result = await ImportAsync(output);

        result.ExitCode.Should().Be(0, result.Stderr);
        File.ReadAllText(output).Should().Be(Expected);
        result.Stdout.Should().BeEmpty("the file is the result; the summary goes to stderr");
        result.Stderr.Should().Contain("canola_oil").And.Contain("730")
            .And.Contain("1 product flow no concordance code covers, worth 500 in all, not written:")
            .And.Contain("100199")
            .And.Contain("wrote " + output + ": 3 lines from 4 of 5 product flows (1 unmapped)");
        Regex.IsMatch(result.Stderr, @"canola_oil\s*│\s*730\s*│\s*9\.00\s*│\s*9\.00\s*│\s*2").Should().BeTrue(result.Stderr);
    }

    [Fact]
    public async Task Other_column_names_are_mapped_with_columns()
    {
        Write("wits.csv", "Reporter,Partner,HS6,TradeValue\nCHN,CAN,120510,2200\nCHN,CAN,151411,700\n");
        Write("map.csv", Map);
        var output = Path.Combine(scratch, "trade.csv");

        var result = await TradeSimProcess.RunAsync("import-trade", Path.Combine(scratch, "wits.csv"), "--concordance", Path.Combine(scratch, "map.csv"),
            "--columns", "importer=Reporter,exporter=Partner,product=HS6,value=TradeValue", "--out", output);

        result.ExitCode.Should().Be(0, result.Stderr);
        File.ReadAllText(output).Should().Be("importer,exporter,sector,value\nCHN,CAN,canola_oil,700\nCHN,CAN,canola_seed,2200\n");
        result.Stderr.Should().Contain("no --tariffs, so the file has no tariff column");
    }

    [Fact]
    public async Task The_imported_file_runs_as_a_scenario_and_gives_the_outcome_of_its_inline_twin_on_both_engines()
    {
        (await ImportAsync(Path.Combine(scratch, "trade.csv"))).ExitCode.Should().Be(0);
        Write("home.csv", "country,sector,value\nCHN,canola_oil,4000\n");
        var fromFiles = Write("from-files.yaml", ScenarioHead + "trade: { file: trade.csv }" + ScenarioTail);
        var inline = Write("inline.yaml", ScenarioHead + InlineTables + ScenarioTail.Replace("\ndomestic: { file: home.csv }", "", StringComparison.Ordinal));

        var validated = await TradeSimProcess.RunAsync("validate", fromFiles);
        validated.ExitCode.Should().Be(0, validated.Stderr);
        var inlineLocal = await OutcomeAsync(inline, "local");
        var filesLocal = await OutcomeAsync(fromFiles, "local");
        var filesGrains = await OutcomeAsync(fromFiles, "grains");

        filesLocal.Should().Be(inlineLocal, "the same records downstream: the outcome JSON, file name, hash and timings apart");
        filesGrains.Should().Be(inlineLocal, "a silo receives the tables inline in the scenario's text");
        inlineLocal.Should().Contain("\"CAN-CHN\"").And.Contain("\"rounds_played\"");
    }

    [Fact]
    public async Task Problems_in_any_of_the_files_are_all_reported_with_their_lines_and_nothing_is_written()
    {
        Write("flows.csv", "reporterISO,flowCode,partnerISO,cmdCode,primaryValue\nCAN,X,CHN,120510,2.2e9\nCAN,RX,CHN,151411,7e8\nCAN,X,CHN,230649,lots\n");
        Write("map.csv", "product,sectr\n1205,canola_seed\n");
        Write("tariffs.csv", "importer,exporter,product,tariff\nCHN,*,1205,-9\n");

        var result = await TradeSimProcess.RunAsync("import-trade", Path.Combine(scratch, "flows.csv"), "--concordance", Path.Combine(scratch, "map.csv"),
            "--tariffs", Path.Combine(scratch, "tariffs.csv"), "--out", Path.Combine(scratch, "trade.csv"));

        result.ExitCode.Should().Be(2);
        NoStackTrace(result);
        result.Stderr.Should().Contain("flows.csv:3: flow: flow 'RX' is neither an import (M, Import) nor an export (X, Export)")
            .And.Contain("flows.csv:4: value: value is not a number: 'lots'")
            .And.Contain("map.csv:1: sector: missing column 'sector' (the header has: product, sectr)")
            .And.Contain("tariffs.csv:2: tariff: tariff must be from 0 to 10000, got -9");
        HoldsOnly(scratch, "flows.csv", "map.csv", "tariffs.csv");
    }

    [Fact]
    public async Task A_product_without_a_tariff_refuses_the_import()
    {
        Write("tariffs.csv", "importer,exporter,product,tariff\nCHN,*,1205,9\n");
        var output = Path.Combine(scratch, "trade.csv");
        File.WriteAllText(output, "kept\n");

        var result = await ImportAsync(output, tariffs: false);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("flows.csv:3: product: no tariff for product 151411 into CHN from CAN")
            .And.Contain("3 products worth 1380 in all have no tariff; nothing was written");
        File.ReadAllText(output).Should().Be("kept\n", "a refused import leaves the file it would write alone");
    }

    [Theory]
    [InlineData(new[] { "--out", "x.csv" }, "--concordance is required")]
    [InlineData(new[] { "--concordance", "map.csv" }, "--out is required")]
    [InlineData(new[] { "--concordance", "map.csv", "--out", "x.csv", "--columns", "origin=Partner" }, "COLUMN one of importer, exporter, product, value, reporter, partner, flow; got 'origin=Partner'")]
    [InlineData(new[] { "--concordance", "map.csv", "--out", "x.csv", "--divide-by", "0" }, "expected a positive number")]
    public async Task Wrong_options_are_usage_errors(string[] options, string message)
    {
        var result = await TradeSimProcess.RunAsync(["import-trade", "flows.csv", .. options]);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain(message);
    }

    private async Task<TradeSimProcess.Result> ImportAsync(string output, bool tariffs = true)
    {
        Write("flows.csv", Extract);
        Write("map.csv", Map);
        if (tariffs)
        {
            Write("tariffs.csv", Tariffs);
        }

        return await TradeSimProcess.RunAsync("import-trade", Path.Combine(scratch, "flows.csv"), "--concordance", Path.Combine(scratch, "map.csv"),
            "--tariffs", Path.Combine(scratch, "tariffs.csv"), "--divide-by", "1000000", "--out", output);
    }

    private async Task<string> OutcomeAsync(string scenario, string engine)
    {
        var outcome = Path.Combine(scratch, $"{Path.GetFileNameWithoutExtension(scenario)}-{engine}.json");
        var run = await TradeSimProcess.RunAsync("run", scenario, "--engine", engine, "--out", outcome);
        run.ExitCode.Should().Be(0, run.Stderr);
        var json = File.ReadAllText(outcome);
        ScenarioFile().Matches(json).Should().ContainSingle();
        return ScenarioFile().Replace(Timings().Replace(json, ""), "");
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(scratch, name);
        File.WriteAllText(path, text);
        return path;
    }
}
