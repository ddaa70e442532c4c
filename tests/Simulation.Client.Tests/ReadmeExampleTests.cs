using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>The README's examples do what the README says they do.</summary>
public sealed partial class ReadmeExampleTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-readme-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task The_minimal_scenario_agrees_in_round_18_with_the_gains_the_readme_states()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var yaml = MinimalExample().Match(readme);
        yaml.Success.Should().BeTrue("the README shows a minimal scenario after 'A minimal one:'");
        var file = Path.Combine(scratch, "minimal.yaml");
        File.WriteAllText(file, yaml.Groups[1].Value);

        var result = await TradeSimProcess.RunAsync("run", file, "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        var negotiation = JsonNode.Parse(result.Stdout)!["negotiations"]![0]!;
        negotiation["status"]!.GetValue<string>().Should().Be("agreed");
        negotiation["round"]!.GetValue<int>().Should().Be(18);
        negotiation["agreement"]!.AsArray().Select(a => a!["tariff"]!.GetValue<double>()).Should().Equal(5, 0);

        // tradesim evaluate minimal.yaml --set AAA:BBB:goods=5 --set BBB:AAA:goods=0
        //   → objective values AAA 1.9011413700780935, BBB 9.179388242126677 (the README's 1.90 and 9.18)
        negotiation["gain"]!["AAA"]!.GetValue<double>().Should().BeApproximately(1.9011413700780935, 1e-9);
        negotiation["gain"]!["BBB"]!.GetValue<double>().Should().BeApproximately(9.179388242126677, 1e-9);
        readme.Should().Contain("A gains 1.90 and B 9.18");
    }

    [Fact]
    public async Task With_a_boulware_A_the_minimal_scenario_ends_without_a_deal_and_the_table_says_what_that_means()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var yaml = MinimalExample().Match(readme).Groups[1].Value;
        var file = Path.Combine(scratch, "minimal-boulware.yaml");
        File.WriteAllText(file, yaml.Replace("AAA: { name: A, strategy: linear }", "AAA: { name: A, strategy: boulware }", StringComparison.Ordinal));

        var result = await TradeSimProcess.RunAsync("run", file);

        // The README: "Make A boulware instead and the same negotiation ends at the deadline with no deal".
        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("│ deadline │ 20 ").And.Contain(
            "No agreement in AB: it changes no tariff, so its gains are 0 and each party's utility is its reservation, the utility of no deal.");
    }

    [GeneratedRegex("A minimal one:\\n\\n```yaml\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex MinimalExample();
}
