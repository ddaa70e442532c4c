using System.Text;
using Simulation.Model.Experiments;
using Simulation.Model.Input;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Scenarios;

/// <summary>
/// Tables read from CSV files (<c>trade: { file: flows.csv }</c>, DESIGN §6.1): each test writes a
/// scenario and its CSV files into a fresh folder, and compares with the same scenario written
/// inline, or states the file, line, path and message of the error expected.
/// </summary>
public sealed class TableFileTests : IDisposable
{
    private const string Head = """
        name: Canola
        sectors:
          canola_seed: { demand_elasticity: 1.2, substitution_elasticity: 6.6, supply_elasticity: 3 }
          canola_oil: { demand_elasticity: 1.2, substitution_elasticity: 6.6, supply_elasticity: 3 }
        countries:
          CAN: { name: Canada }
          CHN: { name: China }
          ROW: { negotiates: false }

        """;

    private const string Tail = """

        negotiations:
          - id: CAN-CHN
            parties: [CAN, CHN]
            issues:
              - { importer: CHN, exporter: CAN, sector: canola_seed, levels: [9, 4.5, 0] }
        """;

    private const string InlineTrade = """
        trade:
          - { importer: CHN, exporter: CAN, sector: canola_seed, value: 3201.5, tariff: 9 }
          - { importer: CHN, exporter: ROW, sector: canola_seed, value: 1500, tariff: 9 }
          - { importer: CHN, exporter: CAN, sector: canola_oil, value: 1012.25, tariff: 9 }
        domestic:
          - { country: CHN, sector: canola_oil, value: 12000 }
        supply:
          - { country: CAN, sector: canola_seed, total: 20000, elsewhere_elasticity: 2.5 }
          - { country: ROW, sector: canola_seed, total: 60000 }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("tables-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_scenario_reading_its_tables_from_files_is_the_scenario_written_inline()
    {
        // Columns in another order and case, quoted fields, a byte order mark, CRLF line ends, blanks.
        Write("flows.csv", "\uFEFFExporter,importer,sector,tariff,value\r\nCAN,CHN,\"canola_seed\",9,3201.5\r\n ROW , CHN ,canola_seed, 9 ,1500\r\nCAN,CHN,canola_oil,9,\"1012.25\"\r\n");
        Write("data/home.csv", "country,sector,value\nCHN,canola_oil,12000\n");
        Write("supply.csv", "country,sector,total,elsewhere_elasticity\nCAN,canola_seed,20000,2.5\nROW,canola_seed,60000,\n");
        var path = Write("canola.yaml", Head + "trade: { file: flows.csv }\ndomestic:\n  file: data/home.csv   # China's crushers\nsupply: { file: supply.csv }\n" + Tail);

        var loaded = ScenarioLoader.Load(path);
        var inline = ScenarioLoader.Parse(Head + InlineTrade + Tail, "inline.yaml");

        loaded.Scenario.Should().BeEquivalentTo(inline, o => o.WithStrictOrdering());
        loaded.Scenario.Trade[0].Should().Be(new TradeFlow("CHN", "CAN", "canola_seed", 3201.5, 9, null));
        loaded.Scenario.Supply.Should().Equal(new TotalSales("CAN", "canola_seed", 20000, 2.5), new TotalSales("ROW", "canola_seed", 60000));

        // The text standing alone reads as the same scenario without any file, and keeps every line in place.
        ScenarioLoader.Parse(loaded.Text, "standing-alone.yaml").Should().BeEquivalentTo(inline, o => o.WithStrictOrdering());
        loaded.Text.Split('\n').Should().HaveCount(File.ReadAllText(path).Split('\n').Length);
        loaded.Text.Should().Contain("# China's crushers");
    }

    [Fact]
    public void A_batch_varies_a_value_read_from_a_table_file_in_the_text_standing_alone()
    {
        Write("flows.csv", "importer,exporter,sector,value,tariff\nCHN,CAN,canola_seed,3201.5,9\n");
        var path = Write("canola.yaml", Head + "trade: { file: flows.csv }\n");

        var document = ScenarioDocument.LoadFile(path);
        var value = ScenarioPath.Parse("trade[0].value");

        document.Text.Should().Contain("trade: [{importer: CHN, exporter: CAN, sector: canola_seed, value: 3201.5, tariff: 9}]");
        document.ValueAt(value).Should().Be("3201.5");
        document.Load([new ScenarioSetting(value, "100")]).Trade.Should().ContainSingle().Which.Value.Should().Be(100);
    }

    [Fact]
    public void A_scenario_without_table_files_keeps_its_text()
    {
        var text = Head + InlineTrade + Tail;
        var path = Write("inline.yaml", text);

        ScenarioLoader.Load(path).Text.Should().Be(text);
        ScenarioLoader.StandingAlone(text, path).Should().BeSameAs(text);
    }

    [Theory]
    [InlineData("canola_seed", true)]
    [InlineData("1012.25", true)]
    [InlineData("-0.5", true)]
    [InlineData(".5", true)]
    [InlineData("1e-3", true)]
    [InlineData("null", true)]
    [InlineData("true", true)]
    [InlineData("rest of world", true)]
    [InlineData("Canada, \"Inc\": #1 {x} [y]", false)]
    [InlineData("- leading dash", false)]
    [InlineData("? query", false)]
    [InlineData("&anchor", false)]
    [InlineData("tab\there", false)]
    [InlineData("two  blanks", false)]
    [InlineData("back\\slash", false)]
    [InlineData("é ü 中国", false)]
    public void A_value_written_inline_reads_back_as_the_same_text_plain_whenever_it_can_be(string value, bool plain)
    {
        var errors = new InputErrorList("flow.yaml");

        var read = YamlTreeReader.Read($"[{{k: {TableFiles.FlowScalar(value)}}}]", errors);

        errors.Count.Should().Be(0);
        var scalar = read.Should().BeOfType<YamlSequence>().Which.Items.Should().ContainSingle().Which.Should().BeOfType<YamlMapping>()
            .Which.Find("k")!.Value.Should().BeOfType<YamlScalar>().Subject;
        scalar.Value.Should().Be(value);
        scalar.IsPlain.Should().Be(plain, "a CSV field is a plain scalar, and only text that cannot be a number, boolean or null may be quoted");
    }

    [Fact]
    public void Errors_in_a_table_file_name_the_file_its_line_and_the_column_all_at_once()
    {
        Write("flows.csv", "importer,exporter,sector,value,tariff\nCHN,CAN,canola_seed,3201.5,9\nCHN,ROW,canola_seed,1.5e,9\nCHN,USA,canola_oil,10,9\nCHN,CAN,canola_seed,1,9\nCHN,CAN,canola_oil,10\n");
        var path = Write("bad.yaml", Head + "trade: { file: flows.csv }\ndomestic:\n  - { country: CHN, sector: rapeseed, value: 1 }\n");
        var csv = Path.Combine(_folder, "flows.csv");

        var errors = ErrorsOf(path);

        errors.Select(e => (e.File, e.Line, e.Path, e.Message)).Should().Equal(
            (path, 11, "domestic[0].sector", "unknown sector 'rapeseed' (declared: canola_seed, canola_oil)"),
            (csv, 3, "trade[1].value", "expected a number, got '1.5e'"),
            (csv, 4, "trade[2].exporter", "unknown country 'USA' (declared: CAN, CHN, ROW)"),
            (csv, 5, "trade[3]", "duplicate trade flow (importer CHN, exporter CAN, sector canola_seed); the first is trade[0], line 2"),
            (csv, 6, "trade[4].tariff", "missing required key 'tariff'"));
        errors.Skip(1).Should().OnlyContain(e => e.Column == null, "a CSV field has no column of its own; the path names it");
    }

    [Fact]
    public void A_header_with_an_unknown_or_missing_column_is_reported_once_with_a_suggestion()
    {
        Write("flows.csv", "importer,exporter,sectr,value,quota\nCHN,CAN,canola_seed,1,2\nCHN,ROW,canola_seed,1,2\n");
        var path = Write("bad.yaml", Head + "trade: { file: flows.csv }\n");
        var csv = Path.Combine(_folder, "flows.csv");

        ErrorsOf(path).Select(e => (e.File, e.Line, e.Path, e.Message)).Should().Equal(
            (csv, 1, "trade.sectr", "unknown column 'sectr' (expected importer, exporter, sector, value, tariff); did you mean 'sector'?"),
            (csv, 1, "trade.quota", "unknown column 'quota' (expected importer, exporter, sector, value, tariff); quota holds a mapping, so it is written inline only"),
            (csv, 1, "trade", "missing required columns 'sector', 'tariff' (the header has: importer, exporter, sectr, value, quota)"));
    }

    [Fact]
    public void An_empty_file_and_a_row_with_too_many_fields_are_reported()
    {
        Write("empty.csv", "");
        Write("wide.csv", "country,sector,value\nCHN,canola_oil,12,000\n");
        var path = Write("bad.yaml", Head + "trade: { file: empty.csv }\ndomestic: { file: wide.csv }\n");

        ErrorsOf(path).Select(e => (Path.GetFileName(e.File), e.Line, e.Path, e.Message)).Should().Equal(
            ("empty.csv", (int?)null, "trade", "the file is empty: expected a header row naming the columns importer, exporter, sector, value, tariff, then its rows"),
            ("wide.csv", 2, "domestic[0]", "the row has 4 fields but the header has 3: a decimal comma, or a comma inside an unquoted field?"));
    }

    [Fact]
    public void A_row_with_broken_quoting_is_reported_at_its_line_and_the_rows_after_it_are_still_read()
    {
        Write("flows.csv", "importer,exporter,sector,value,tariff\nCHN,CAN,\"canola_seed,3201.5,9\nCHN,ROW,canola_sed,1500,9\n");
        var path = Write("bad.yaml", Head + "trade: { file: flows.csv }\n");
        var csv = Path.Combine(_folder, "flows.csv");

        var errors = ErrorsOf(path);

        errors.Should().HaveCount(2);
        errors[0].Should().BeEquivalentTo(new { File = csv, Line = (int?)2, Path = "trade" });
        errors[0].Message.Should().StartWith("malformed quoting");
        errors[1].Should().Be(new InputError(csv, 3, null, "trade[0].sector", "unknown sector 'canola_sed' (declared: canola_seed, canola_oil)"));
    }

    [Theory]
    [InlineData("missing.csv", "'missing.csv': the file does not exist")]
    [InlineData("/etc/passwd.csv", "'/etc/passwd.csv' must be a path relative to the scenario file's folder")]
    [InlineData("../outside.csv", "'../outside.csv' leads outside the scenario file's folder; a table file must be in that folder or one below it")]
    [InlineData("data/../../outside.csv", "'data/../../outside.csv' leads outside the scenario file's folder; a table file must be in that folder or one below it")]
    [InlineData("flows.txt", "'flows.txt' must name a .csv file")]
    public void A_table_file_outside_the_scenario_folder_or_not_there_is_refused(string name, string message)
    {
        var path = Write("s/bad.yaml", Head + $"trade: {{ file: {Yaml(name)} }}\n");

        var error = ErrorsOf(path).Should().ContainSingle().Subject;

        error.Should().Be(new InputError(path, 9, 16, "trade.file", message));
    }

    [Fact]
    public void A_table_file_reached_through_a_symbolic_link_is_refused()
    {
        Write("elsewhere/flows.csv", "importer,exporter,sector,value,tariff\n");
        Directory.CreateDirectory(Path.Combine(_folder, "s"));
        Directory.CreateSymbolicLink(Path.Combine(_folder, "s", "linked"), Path.Combine(_folder, "elsewhere"));
        var path = Write("s/bad.yaml", Head + "trade: { file: linked/flows.csv }\n");

        ErrorsOf(path).Should().ContainSingle().Which.Message.Should()
            .Be("'linked/flows.csv' passes through a symbolic link (linked); table files are read only where they are");
    }

    [Fact]
    public void A_table_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        Write("big.csv", "importer,exporter,sector,value,tariff\n" + new string('#', ScenarioLimits.MaxTableFileBytes));
        var path = Write("big.yaml", Head + "trade: { file: big.csv }\n");

        ErrorsOf(path).Should().ContainSingle().Which.Message.Should()
            .Be($"'big.csv': the file is {ScenarioLimits.MaxTableFileBytes + 38} bytes; at most {ScenarioLimits.MaxTableFileBytes} are accepted");
    }

    [Fact]
    public void A_scenario_given_as_text_alone_cannot_read_a_file()
    {
        var act = () => ScenarioLoader.Parse(Head + "trade: { file: flows.csv }\n", "text.yaml");

        act.Should().Throw<InvalidInputException>().Which.Errors.Should().ContainSingle().Which.Should().Be(new InputError("text.yaml", 9, 16, "trade.file",
            "a table file is read from the scenario file's folder, and this scenario was given as text alone; write the rows inline"));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    private static IReadOnlyList<InputError> ErrorsOf(string path)
    {
        var act = () => ScenarioLoader.Load(path);
        return act.Should().Throw<InvalidInputException>().Which.Errors;
    }

    /// <summary><paramref name="text"/> as a YAML double-quoted scalar.</summary>
    private static string Yaml(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\"";
}
