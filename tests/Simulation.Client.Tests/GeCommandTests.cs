using System.Globalization;
using System.Text.Json.Nodes;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>
/// `tradesim ge` end to end on the published ge_gravity counterfactual (tests/data/ge-gravity-2000:
/// 44 countries, EU enlargement, θ = 4), rewritten into the command's own columns, as a user would.
/// </summary>
public sealed class GeCommandTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-ge-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Theory]
    [InlineData("additive", "expected_welfare_exporter_additive")]
    [InlineData("multiplicative", "expected_welfare_exporter_mult")]
    public async Task Reproduces_the_published_welfare_from_the_command_line(string imbalances, string expectedColumn)
    {
        var (flows, expected) = WriteReferenceFlows(expectedColumn);

        var result = await TradeSimProcess.RunAsync("ge", flows, "--imbalances", imbalances, "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        var json = JsonNode.Parse(result.Stdout)!;
        json["theta"]!.GetValue<double>().Should().Be(4);
        json["imbalances"]!.GetValue<string>().Should().Be(imbalances);
        json["converged"]!.GetValue<bool>().Should().BeTrue();
        json["flows"]!.AsArray().Should().HaveCount(44 * 44);
        var countries = json["countries"]!.AsArray();
        countries.Should().HaveCount(44);
        foreach (var country in countries)
        {
            var id = country!["id"]!.GetValue<string>();
            country["welfare"]!.GetValue<double>().Should().BeApproximately(expected[id], 2e-7, "Stata ge_gravity's welfare for {0}", id);
        }
    }

    [Fact]
    public async Task Prints_welfare_as_a_table_by_default()
    {
        var (flows, _) = WriteReferenceFlows("expected_welfare_exporter_additive");

        var result = await TradeSimProcess.RunAsync("ge", flows);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("Welfare").And.Contain("POL").And.Contain("DEU");
    }

    [Fact]
    public async Task A_bad_csv_gets_file_and_line_and_exit_code_2()
    {
        var path = Path.Combine(scratch, "bad.csv");
        File.WriteAllText(path, "exporter,importer,trade,beta\nA,A,10,0\nA,B,lots,0\nB,A,3,0\nB,B,8,0\n");

        var result = await TradeSimProcess.RunAsync("ge", path);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("bad.csv:3").And.Contain("trade");
        result.Stdout.Should().BeEmpty();
    }

    [Theory]
    // The issue's reproducers on the shipped three-country file: line 4 is CAN,USA,400,-1.2004.
    [InlineData("CAN,USA,400,-1.2004", "CAN,USA,400,-1000", ":4:4: row 3.beta: beta must be from -50 to 50")]
    [InlineData("CAN,MEX,10,0", "CAN,MEX,1e-320,0", ":3:3: row 2.trade: trade must be 0 or from 1e-12 to 1e18, got 1e-320")]
    [InlineData("CAN,USA,400,-1.2004", "CAN,USA,400,-1,2004", ":4:5: row 3: the row has 5 fields but the header has 4")]
    [InlineData("CAN,USA,400,-1.2004", "CAN,USA,Infinity,-1.2004", ":4:3: row 3.trade: trade must be a finite number, got 'Infinity'")]
    public async Task Numbers_the_solver_cannot_carry_are_input_errors_with_file_line_and_column(string line, string replacement, string expected)
    {
        var path = Path.Combine(scratch, "flows.csv");
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "scenarios", "gravity-three-countries.csv"));
        text.Should().Contain(line);
        File.WriteAllText(path, text.Replace(line, replacement));

        foreach (var format in new[] { "table", "json" })
        {
            var result = await TradeSimProcess.RunAsync("ge", path, "--format", format);

            result.ExitCode.Should().Be(2, result.Stderr);
            result.Stderr.Should().StartWith($"error: {path}{expected}");
            result.Stdout.Should().BeEmpty();
        }
    }

    [Theory]
    [InlineData("99999999999")]
    [InlineData("2147483648")]
    [InlineData("0")]
    public async Task An_iteration_cap_out_of_range_is_refused_naming_both_limits(string cap)
    {
        var flows = Path.Combine(RepositoryPaths.Root, "scenarios", "gravity-three-countries.csv");

        var result = await TradeSimProcess.RunAsync("ge", flows, "--max-iterations", cap);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"--max-iterations '{cap}': expected a whole number from 1 to 2147483647");
        result.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task A_line_break_in_an_option_value_is_spelled_out_in_the_error()
    {
        var flows = Path.Combine(RepositoryPaths.Root, "scenarios", "gravity-three-countries.csv");

        var result = await TradeSimProcess.RunAsync("ge", flows, "--max-iterations", "5\nerror: forged");

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain(@"--max-iterations '5\u000aerror: forged'");
        result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle(line => line.Contains("forged"));
    }

    [Fact]
    public async Task An_iteration_that_does_not_converge_exits_with_1_and_says_so()
    {
        var flows = Path.Combine(RepositoryPaths.Root, "scenarios", "gravity-three-countries.csv");

        var table = await TradeSimProcess.RunAsync("ge", flows, "--max-iterations", "3");
        table.ExitCode.Should().Be(1);
        table.Stderr.Should().Contain("error: no convergence after 3 iterations");

        var json = await TradeSimProcess.RunAsync("ge", flows, "--max-iterations", "3", "--format", "json");
        json.ExitCode.Should().Be(1);
        var parsed = JsonNode.Parse(json.Stdout)!;
        parsed["converged"]!.GetValue<bool>().Should().BeFalse();
        parsed["iterations"]!.GetValue<int>().Should().Be(3);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    public async Task An_iteration_that_diverges_exits_with_1_and_a_message_not_infinities(string format)
    {
        // C, whose output is 1, sells 1e-12 to B with β = 50 (e^50 ≈ 5e21): with multiplicative imbalances
        // its output price grows without bound until a flow overflows (see the model's test of this matrix).
        var path = Path.Combine(scratch, "diverging.csv");
        File.WriteAllText(path, "exporter,importer,trade,beta\nA,A,1,0\nA,B,1e6,-1\nA,C,0,50\nB,A,1e18,-1\nB,B,1e18,0\nB,C,0,1\nC,A,1e-12,0\nC,B,1e-12,50\nC,C,1,0\n");

        var result = await TradeSimProcess.RunAsync("ge", path, "--imbalances", "multiplicative", "--format", format);

        result.ExitCode.Should().Be(1);
        result.Stderr.Should().StartWith("error: ge found no equilibrium: the iteration diverged").And.NotContain(" at Simulation.");
        result.Stdout.Should().BeEmpty();
    }

    [Theory]
    [InlineData("0.05")]
    [InlineData("1000")]
    public async Task Theta_outside_its_documented_range_is_a_usage_error(string theta)
    {
        var result = await TradeSimProcess.RunAsync("ge", Path.Combine(RepositoryPaths.Root, "scenarios", "gravity-three-countries.csv"), "--theta", theta);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain($"--theta '{theta}': expected a number from 0.1 to 100");
        result.Stdout.Should().BeEmpty();
    }

    /// <summary>The reference file with its columns renamed to the command's (trade_2000 → trade, beta_eu_effect → beta).</summary>
    private (string Path, Dictionary<string, double> ExpectedWelfare) WriteReferenceFlows(string expectedColumn)
    {
        var lines = File.ReadAllLines(RepositoryPaths.ReferenceData(Path.Combine("ge-gravity-2000", "flows-and-expected.csv")));
        var header = lines[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        var (exporter, importer, trade, beta, welfare) = (Column("exporter"), Column("importer"), Column("trade_2000"), Column("beta_eu_effect"), Column(expectedColumn));
        var expected = new Dictionary<string, double>();
        var output = new List<string> { "exporter,importer,trade,beta" };
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var f = line.Split(',');
            output.Add($"{f[exporter]},{f[importer]},{f[trade]},{f[beta]}");
            expected[f[exporter]] = double.Parse(f[welfare], CultureInfo.InvariantCulture);
        }

        var path = Path.Combine(scratch, "flows.csv");
        File.WriteAllLines(path, output);
        return (path, expected);
    }
}
