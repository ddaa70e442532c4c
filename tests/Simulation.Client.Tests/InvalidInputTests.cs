namespace Simulation.Client.Tests;

/// <summary>
/// Bad input end to end: exit code 2, messages that name the file and the line, every error at once,
/// no stack trace, and no output file.
/// </summary>
public sealed class InvalidInputTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-tests-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private const string ValidScenario = """
        name: Two countries
        sectors:
          goods: { demand_elasticity: 1.5, substitution_elasticity: 4 }
        countries:
          AAA: { name: A }
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

    [Fact]
    public async Task A_valid_handwritten_scenario_runs()
    {
        var file = Write("two.yaml", ValidScenario);

        var result = await TradeSimProcess.RunAsync("run", file);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("Two countries");
    }

    [Fact]
    public async Task Several_errors_are_reported_at_once_with_file_and_line_and_nothing_is_written()
    {
        // Line 5: a typo in a key; line 8: an undeclared sector. Both must be reported.
        var broken = ValidScenario
            .Replace("  AAA: { name: A }", "  AAA: { nmae: A }")
            .Replace("sector: goods, value: 100", "sector: good, value: 100");
        var file = Write("broken.yaml", broken);
        var output = Path.Combine(scratch, "outcome.json");

        var result = await TradeSimProcess.RunAsync("run", file, "--out", output);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("broken.yaml:5:").And.Contain("nmae");
        result.Stderr.Should().Contain("broken.yaml:8:").And.Contain("good");
        NoStackTrace(result);
        File.Exists(output).Should().BeFalse("no output is written for invalid input");
        result.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task A_yaml_syntax_error_names_its_line()
    {
        var file = Write("syntax.yaml", "name: x\nsectors: [unclosed\ncountries: {}\n");

        var result = await TradeSimProcess.RunAsync("validate", file);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().MatchRegex(@"syntax\.yaml:\d+");
        NoStackTrace(result);
    }

    [Fact]
    public async Task Validate_checks_every_file_and_reports_each_bad_one()
    {
        var good = Write("good.yaml", ValidScenario);
        var bad = Write("bad.yaml", ValidScenario.Replace("tariff: 10 }", "tariff: -10 }"));
        var alsoBad = Write("also-bad.json", "{\"name\": \"x\", \"rounds\": 2.5}");

        var result = await TradeSimProcess.RunAsync("validate", good, bad, alsoBad);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().Contain("good.yaml");
        result.Stderr.Should().Contain("bad.yaml:8:").And.Contain("also-bad.json:1:");
        NoStackTrace(result);
    }

    [Fact]
    public async Task Validate_accepts_the_shipped_scenario()
    {
        var result = await TradeSimProcess.RunAsync("validate", Path.Combine("scenarios", "canada-indonesia.yaml"));

        result.ExitCode.Should().Be(0, result.Stderr);
    }

    [Fact]
    public async Task A_missing_file_is_an_input_error()
    {
        var result = await TradeSimProcess.RunAsync("run", Path.Combine(scratch, "nowhere.yaml"));

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("nowhere.yaml");
        NoStackTrace(result);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("run", "scenarios/canada-indonesia.yaml", "--format", "xml")]
    [InlineData("run", "scenarios/canada-indonesia.yaml", "--gateway", "nonsense")]
    [InlineData("frobnicate")]
    public async Task Usage_errors_exit_with_2(params string[] args)
    {
        var result = await TradeSimProcess.RunAsync(args);

        result.ExitCode.Should().Be(2);
        NoStackTrace(result);
    }

    private string Write(string name, string contents)
    {
        var path = Path.Combine(scratch, name);
        File.WriteAllText(path, contents);
        return path;
    }

    private static void NoStackTrace(TradeSimProcess.Result result)
    {
        (result.Stdout + result.Stderr).Should().NotMatchRegex(@"\n\s+at \S+\(", "users see messages, not stack traces");
        result.Stderr.Should().NotContain("Exception");
    }
}
