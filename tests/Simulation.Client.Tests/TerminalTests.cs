namespace Simulation.Client.Tests;

/// <summary>
/// What reaches a terminal: text from a file never carries control characters (an escape sequence
/// in a name would retitle or clear the user's terminal) nor markup; tables are not wrapped at 80
/// columns when the output is not a terminal.
/// </summary>
public sealed class TerminalTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-terminal-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    /// <summary>
    /// OSC 0 (set the window title, ended by BEL), CSI 2J (clear the screen), the one-character CSI
    /// of C1 (U+009B) and Spectre markup, as YAML escapes.
    /// </summary>
    private const string HostileName = @"\u001b]0;x\u0007\u001b[2J\u009b31m[red]x[/]";

    private const string Scenario = """
        name: "NAME"
        units: "NAME"
        sectors:
          goods: { demand_elasticity: 1.5, substitution_elasticity: 4 }
        countries:
          AAA: { name: "NAME" }
          BBB: { name: B }
        trade:
          - { importer: AAA, exporter: BBB, sector: goods, value: 100, tariff: 10 }
          - { importer: BBB, exporter: AAA, sector: goods, value: 80, tariff: 8 }
        negotiations:
          - id: AB
            parties: [AAA, BBB]
            issues:
              - { importer: AAA, exporter: BBB, sector: goods, levels: [10, 5, 0] }
              - { importer: BBB, exporter: AAA, sector: goods, levels: [8, 4, 0] }
        """;

    public static TheoryData<string[]> CommandsShowingTheName => new()
    {
        { ["validate", "{file}"] },
        { ["run", "{file}"] },
        { ["evaluate", "{file}", "--set", "AAA:BBB:goods=0"] },
    };

    [Theory]
    [MemberData(nameof(CommandsShowingTheName))]
    public async Task Control_characters_and_markup_in_a_name_are_shown_escaped(string[] args)
    {
        var file = Write("hostile.yaml", Scenario.Replace("NAME", HostileName));

        var result = await TradeSimProcess.RunAsync(args.Select(a => a.Replace("{file}", file)).ToArray());

        result.ExitCode.Should().Be(0, result.Stderr);
        NoControlCharacters(result);
        result.Stdout.Should().Contain(@"\u001b]0;x\u0007\u001b[2J\u009b31m[red]x[/]", "the name is shown, its control characters spelled out and its markup as typed");
    }

    [Fact]
    public async Task Control_characters_in_a_name_are_escaped_in_json_too()
    {
        var file = Write("hostile.yaml", Scenario.Replace("NAME", HostileName));

        var result = await TradeSimProcess.RunAsync("run", file, "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        NoControlCharacters(result);
        System.Text.Json.Nodes.JsonNode.Parse(result.Stdout)!["scenario"]!["name"]!.GetValue<string>()
            .Should().Be("\u001b]0;x\u0007\u001b[2J\u009b31m[red]x[/]", "JSON carries the name exactly, escaped by JSON's rules");
    }

    [Fact]
    public async Task Control_characters_in_an_error_are_shown_escaped()
    {
        // A country id with an escape in it: the error quotes the id.
        var file = Write("hostile-id.yaml", Scenario.Replace("NAME", "x").Replace("  BBB: { name: B }", "  \"B\\u001b[2J\": { name: B }"));

        var result = await TradeSimProcess.RunAsync("validate", file);

        result.ExitCode.Should().Be(2, result.Stderr);
        NoControlCharacters(result);
        result.Stderr.Should().Contain(@"B\u001b[2J");
    }

    [Fact]
    public async Task Control_characters_and_markup_in_a_ge_country_are_shown_escaped()
    {
        var flows = Write("flows.csv", "exporter,importer,trade,beta\n\"A\u001b[2J[red]\",\"A\u001b[2J[red]\",10,0\n\"A\u001b[2J[red]\",B,2,-0.1\nB,\"A\u001b[2J[red]\",3,0\nB,B,8,0\n");

        var result = await TradeSimProcess.RunAsync("ge", flows);

        NoControlCharacters(result);
        (result.Stdout + result.Stderr).Should().Contain(@"A\u001b[2J[red]");
        CommandLineAssertions.NoStackTrace(result);
    }

    [Fact]
    public async Task A_table_on_a_redirected_output_is_not_wrapped_at_80_columns()
    {
        // Values near the top of the documented range (1e9) make the tables wider than 80 columns.
        var file = Write("large.yaml", Scenario.Replace("NAME", "Large").Replace("value: 100,", "value: 987654321.25,").Replace("value: 80,", "value: 876543210.5,"));

        var result = await TradeSimProcess.RunAsync("evaluate", file, "--set", "AAA:BBB:goods=0");

        result.ExitCode.Should().Be(0, result.Stderr);
        var lines = result.Stdout.Split('\n');
        lines.Should().Contain(l => l.StartsWith("│ BBB ", StringComparison.Ordinal) && l.Contains("987,654,321.25", StringComparison.Ordinal),
            "the market table shows the value before on one line");
        lines.Where(l => l.StartsWith('│')).Should().NotContain(l => l.StartsWith("│ ", StringComparison.Ordinal) && l[2] == ' ' && l.TrimEnd().EndsWith('│'),
            "a row whose first cell is blank is a wrapped continuation of the row above");
    }

    [Fact]
    public async Task A_table_follows_COLUMNS_when_it_is_set()
    {
        var file = Write("large.yaml", Scenario.Replace("NAME", "Large").Replace("value: 100,", "value: 987654321.25,").Replace("value: 80,", "value: 876543210.5,"));

        var result = await TradeSimProcess.RunAsync(["evaluate", file, "--set", "AAA:BBB:goods=0"], new Dictionary<string, string> { ["COLUMNS"] = "60" });

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Split('\n').Should().OnlyContain(l => l.Length <= 60);
    }

    private static void NoControlCharacters(TradeSimProcess.Result result)
    {
        var printed = result.Stdout + result.Stderr;
        printed.Where(c => char.IsControl(c) && c != '\n').Select(c => $"U+{(int)c:X4}").Should().BeEmpty("text from a file must not control the terminal");
    }

    private string Write(string name, string contents)
    {
        var path = Path.Combine(scratch, name);
        File.WriteAllText(path, contents);
        return path;
    }
}
