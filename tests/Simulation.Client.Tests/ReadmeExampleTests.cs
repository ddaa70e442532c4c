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

    [GeneratedRegex("A minimal one:\\n\\n```yaml\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex MinimalExample();
}
