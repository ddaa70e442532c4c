using System.Globalization;
using System.Text.Json.Nodes;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>
/// `tradesim ge` end to end on the published ge_gravity counterfactual (shared/data/ge-gravity-2000:
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
