using System.Text.Json.Nodes;

namespace Simulation.Client.Tests;

/// <summary>
/// Option values: a value an option cannot take is a usage error (exit 2) whose message names the
/// option and echoes what was typed; seeds are decimal integers as in a scenario file, θ an
/// invariant-culture decimal number.
/// </summary>
public sealed class OptionValueTests : IDisposable
{
    private static readonly string Shipped = Path.Combine("scenarios", "canada-indonesia.yaml");
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-values-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("0x10")]
    [InlineData("1e3")]
    [InlineData("7.5")]
    [InlineData("99999999999999999999")]
    public async Task A_seed_that_is_not_a_decimal_integer_is_an_error_that_names_the_option_and_echoes_the_value(string seed)
    {
        var result = await TradeSimProcess.RunAsync("run", Shipped, "--seed", seed);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"--seed '{seed}'");
        result.Stderr.Should().NotContain("Nullable");
        result.Stdout.Should().BeEmpty();
    }

    [Theory]
    [InlineData("-3", -3, "a negative seed, as a scenario file allows")]
    [InlineData("007", 7, "leading zeros are still decimal, as in a scenario file")]
    [InlineData("+12", 12, "an explicit sign")]
    public async Task A_decimal_seed_is_read_as_written(string seed, long expected, string because)
    {
        var result = await TradeSimProcess.RunAsync("run", Shipped, "--seed", seed, "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        JsonNode.Parse(result.Stdout)!["seed"]!.GetValue<long>().Should().Be(expected, because);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1e999")]
    [InlineData("NaN")]
    [InlineData("4,5")]
    [InlineData("0")]
    public async Task A_theta_that_is_not_a_positive_number_is_an_error_that_names_the_option_and_echoes_the_value(string theta)
    {
        var flows = Path.Combine(scratch, "flows.csv");
        File.WriteAllText(flows, "exporter,importer,trade,beta\nA,A,10,0\nA,B,2,0\nB,A,3,0\nB,B,8,0\n");

        var result = await TradeSimProcess.RunAsync("ge", flows, "--theta", theta);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"--theta '{theta}'");
        result.Stdout.Should().BeEmpty();
        CommandLineAssertions.NoStackTrace(result);
    }

    [Theory]
    [InlineData("run", "scenarios/canada-indonesia.yaml", "--format", "")]
    [InlineData("run", "scenarios/canada-indonesia.yaml", "--gateway", "")]
    [InlineData("evaluate", "scenarios/canada-indonesia.yaml", "--set", "IDN:CAN:canola_oil=0", "--model", "")]
    public async Task An_empty_value_is_an_error_that_names_the_option(params string[] args)
    {
        var result = await TradeSimProcess.RunAsync(args);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"{args[^2]} ''");
    }

    [Fact]
    public async Task A_line_separator_in_an_option_value_is_spelled_out()
    {
        // U+2028 is no control character (Unicode Zl) but breaks the line in many viewers.
        var result = await TradeSimProcess.RunAsync("run", Shipped, "--format", "js\u2028on");

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain(@"--format 'js\u2028on'").And.NotContain("\u2028");
    }

    [Fact]
    public async Task A_line_break_in_a_gateway_that_cannot_be_reached_is_spelled_out_on_one_line()
    {
        var result = await TradeSimProcess.RunAsync("run", Shipped, "--engine", "grains", "--gateway", "no\nerror: forged:1", "--connect-timeout", "2s");

        result.ExitCode.Should().NotBe(0, result.Stderr);
        result.Stderr.Should().Contain(@"cannot reach a TradeSim silo at no\u000aerror: forged:1");
        result.Stderr.Split('\n').Should().NotContain(line => line.StartsWith("error: forged", StringComparison.Ordinal));
        CommandLineAssertions.NoStackTrace(result);
    }

    [Fact]
    public async Task A_very_long_option_value_is_echoed_cut_with_its_length()
    {
        var value = new string('x', 100_000);

        var result = await TradeSimProcess.RunAsync("run", Shipped, "--format", value);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"--format '{new string('x', 61)}... (100000 characters)': expected table or json");
        result.Stderr.Length.Should().BeLessThan(1_000);
    }
}
