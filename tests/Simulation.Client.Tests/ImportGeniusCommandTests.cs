using Simulation.Tests.Shared;
using static Simulation.Client.Tests.CommandLineAssertions;

namespace Simulation.Client.Tests;

/// <summary>`tradesim import-genius` end to end: what it writes, and what it refuses (exit 2, nothing written).</summary>
public sealed class ImportGeniusCommandTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-import-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task Writes_a_utility_scenario_that_validate_accepts()
    {
        var (domain, buyer, seller) = GeniusFiles.WriteAll(scratch);
        var output = Path.Combine(scratch, "office.yaml");

        var imported = await TradeSimProcess.RunAsync("import-genius", domain, buyer, seller, "--out", output);

        imported.ExitCode.Should().Be(0, imported.Stderr);
        var yaml = File.ReadAllText(output);
        yaml.Should().Contain("units: utility\n")
            .And.Contain("  buyer: { name: \"buyer\", reservation: 0.3, discount: 0.99912")
            .And.Contain("rounds: 60\n")
            .And.Contain("  seller: { name: \"seller\", reservation: 0.2 }\n")
            .And.Contain("    protocol: alternating-offers\n")
            .And.Contain("        values: [\"1 week\", \"4 weeks\"]\n");
        var validated = await TradeSimProcess.RunAsync("validate", output);
        validated.ExitCode.Should().Be(0, validated.Stderr);
        validated.Stdout.Should().Contain("Office (2 countries, 0 trade flows, 1 negotiations)");
    }

    [Fact]
    public async Task An_imported_domain_runs_and_reports_utilities_and_analysis_in_the_profiles_own_numbers()
    {
        // Utilities u = Σ weight · evaluation / max evaluation (GeniusFiles): buyer Price [0.6, 0.45, 0.15],
        // Delivery [0.4, 0.16]; seller Price [0.175, 0.525, 0.7], Delivery [0.15, 0.3]; r = 0.3 and 0.2.
        // Nash products Π(u − r) of the six outcomes, by hand: (cheap, 1 week) 0.7·0.125 = 0.0875,
        // (cheap, 4 weeks) 0.46·0.275 = 0.1265, (fair, 1 week) 0.55·0.475 = 0.26125, (fair, 4 weeks)
        // 0.31·0.625 = 0.19375, (dear, 1 week) 0.25·0.65 = 0.1625, (dear, 4 weeks) 0.01·0.8 = 0.008:
        // Nash is (fair, 1 week) at (0.85, 0.675), which also has the largest sum (1.525).
        var (domain, buyer, seller) = GeniusFiles.WriteAll(scratch);
        var scenario = Path.Combine(scratch, "office.yaml");
        (await TradeSimProcess.RunAsync("import-genius", domain, buyer, seller, "--out", scenario)).ExitCode.Should().Be(0);

        var run = await TradeSimProcess.RunAsync("run", scenario, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        var negotiation = System.Text.Json.Nodes.JsonNode.Parse(run.Stdout)!["negotiations"]![0]!;
        var nash = negotiation["analysis"]!["nash"]!;
        nash["outcome"]!.ToJsonString().Should().Be("[{\"issue\":\"Price\",\"value\":\"fair\"},{\"issue\":\"Delivery\",\"value\":\"1 week\"}]");
        nash["utility"]!["buyer"]!.GetValue<double>().Should().BeApproximately(0.85, 1e-12);
        nash["utility"]!["seller"]!.GetValue<double>().Should().BeApproximately(0.675, 1e-12);
        negotiation["reservation"]!["buyer"]!.GetValue<double>().Should().Be(0.3);
        negotiation["reservation"]!["seller"]!.GetValue<double>().Should().Be(0.2);

        // They agree on it; the buyer's utility is discounted by the turn m of the agreed offer,
        // 0.85·δ^(m−1) with δ = 0.9^(1/120), so between 0.85·0.9 and 0.85; the seller has no discount.
        negotiation["status"]!.GetValue<string>().Should().Be("agreed");
        negotiation["agreement"]!.ToJsonString().Should().Be(nash["outcome"]!.ToJsonString());
        negotiation["utility"]!["seller"]!.GetValue<double>().Should().BeApproximately(0.675, 1e-12);
        negotiation["utility"]!["buyer"]!.GetValue<double>().Should().BeInRange(0.85 * 0.9, 0.85);
        negotiation["gain"]!["buyer"]!.GetValue<double>().Should().BeApproximately(0.85, 1e-12, "the gain is not discounted");
    }

    [Fact]
    public async Task The_shipped_example_imports_as_the_readme_shows()
    {
        // docs/cli.md: import-genius scenarios/genius/office.xml scenarios/genius/buyer.xml scenarios/genius/seller.xml --out office.yaml
        var genius = Path.Combine(RepositoryPaths.Root, "scenarios", "genius");
        var output = Path.Combine(scratch, "office.yaml");

        var imported = await TradeSimProcess.RunAsync(
            "import-genius", Path.Combine(genius, "office.xml"), Path.Combine(genius, "buyer.xml"), Path.Combine(genius, "seller.xml"), "--out", output);

        imported.ExitCode.Should().Be(0, imported.Stderr);
        File.ReadAllText(output).Should().Contain("  buyer: { name: \"buyer\", reservation: 0.3, discount: 0.99912");
    }

    [Theory]
    [InlineData(200, "1")]
    [InlineData(2, "1e308")]
    public async Task Files_whose_scenario_validate_would_refuse_exit_with_2_and_write_nothing(int issues, string weight)
    {
        // 200 issues: a negotiation takes at most 100; a weight of 1e308: a scenario's numbers lie within ±1e9.
        var (domain, one, two) = GeniusFiles.WriteWide(scratch, issues, weight);
        var output = Path.Combine(scratch, "wide.yaml");

        var result = await TradeSimProcess.RunAsync("import-genius", domain, one, two, "--out", output);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"{domain}: the scenario made from these files would not validate, so nothing is written: ");
        NoStackTrace(result);
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public async Task What_GENIUS_reads_differently_is_a_warning_and_the_capped_party_never_values_an_outcome_above_1()
    {
        var (domain, buyer, seller) = GeniusFiles.WriteAll(scratch);
        // Weights 0.7 and 0.4: the seller's best outcome (dear, 4 weeks) is worth 0.7 + 0.4 = 1.1, capped at 1;
        // a discount factor of 0, which GENIUS discards.
        var heavy = GeniusFiles.Write(scratch, "heavy.xml", GeniusFiles.Seller
            .Replace("<weight index=\"2\" value=\"0.3\">", "<weight index=\"2\" value=\"0.4\">", StringComparison.Ordinal)
            .Replace("<discount_factor value=\"1.0\">", "<discount_factor value=\"0\">", StringComparison.Ordinal));
        var output = Path.Combine(scratch, "heavy.yaml");

        var imported = await TradeSimProcess.RunAsync("import-genius", domain, buyer, heavy, "--out", output);

        imported.ExitCode.Should().Be(0, imported.Stderr);
        imported.Stderr.Should().Contain("warning: heavy.xml: discount factor 0 is outside (0, 1], so, as in GENIUS, there is no discounting")
            .And.Contain("warning: heavy.xml: the weights sum to 1.1");
        File.ReadAllText(output).Should().Contain("  heavy: { name: \"heavy\", reservation: 0.2, utility_cap: 1 }\n");
        var frontier = Path.Combine(scratch, "frontier.csv");
        var run = await TradeSimProcess.RunAsync("run", output, "--engine", "local", "--frontier", frontier, "--format", "json");
        run.ExitCode.Should().Be(0, run.Stderr);
        var rows = FrontierCsvTests.Parse(File.ReadAllText(frontier));
        var party = rows[0].IndexOf("party");
        var utility = rows[0].IndexOf("utility");
        rows.Skip(1).Where(r => r[party] == "heavy").Select(r => double.Parse(r[utility], System.Globalization.CultureInfo.InvariantCulture))
            .Should().NotBeEmpty().And.OnlyContain(u => u <= 1).And.Contain(1);
    }

    [Fact]
    public async Task A_billion_laughs_domain_exits_with_2_and_writes_nothing()
    {
        var (_, buyer, seller) = GeniusFiles.WriteAll(scratch);
        var laughs = GeniusFiles.Write(scratch, "lol.xml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n" +
            "<negotiation_template>&lol2;</negotiation_template>\n");
        var output = Path.Combine(scratch, "out.yaml");

        var result = await TradeSimProcess.RunAsync("import-genius", laughs, buyer, seller, "--out", output);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain($"{laughs}:2:1: the file has a DOCTYPE (DTD)");
        NoStackTrace(result);
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public async Task An_external_entity_in_a_profile_exits_with_2_without_reading_the_entity()
    {
        var (domain, buyer, _) = GeniusFiles.WriteAll(scratch);
        var secret = GeniusFiles.Write(scratch, "secret.txt", "top secret");
        var spy = GeniusFiles.Write(scratch, "spy.xml",
            $"<?xml version=\"1.0\"?>\n<!DOCTYPE u [<!ENTITY x SYSTEM \"file://{secret}\">]>\n<utility_space><objective name=\"&x;\"/></utility_space>\n");
        var output = Path.Combine(scratch, "out.yaml");

        var result = await TradeSimProcess.RunAsync("import-genius", domain, buyer, spy, "--out", output);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("spy.xml:2:1: the file has a DOCTYPE (DTD)").And.NotContain("top secret");
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public async Task An_oversized_profile_exits_with_2_naming_the_limit()
    {
        var (domain, buyer, _) = GeniusFiles.WriteAll(scratch);
        var huge = Path.Combine(scratch, "huge.xml");
        using (var file = File.Create(huge))
        {
            file.SetLength(4 * 1024 * 1024 + 1);
        }

        var output = Path.Combine(scratch, "out.yaml");

        var result = await TradeSimProcess.RunAsync("import-genius", domain, buyer, huge, "--out", output);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("huge.xml: the file is 4194305 bytes; at most 4194304 are accepted");
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public async Task Errors_of_several_files_are_reported_together_and_an_existing_output_is_left_as_it_was()
    {
        var (domain, _, seller) = GeniusFiles.WriteAll(scratch);
        var noWeight = GeniusFiles.Write(scratch, "noweight.xml", GeniusFiles.Buyer.Replace("<weight index=\"2\" value=\"0.4\"></weight>", "", StringComparison.Ordinal));
        var broken = GeniusFiles.Write(scratch, "broken.xml", "<utility_space>\n<objective>\n");
        var output = GeniusFiles.Write(scratch, "out.yaml", "kept");

        var result = await TradeSimProcess.RunAsync("import-genius", domain, noWeight, broken, seller, "--out", output);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("noweight.xml:2:2: issue 'Delivery' (index 2) has no weight")
            .And.MatchRegex(@"broken\.xml:3:\d+: not well-formed XML: ");
        NoStackTrace(result);
        File.ReadAllText(output).Should().Be("kept");
    }

    [Theory]
    [InlineData("one profile")]
    [InlineData("no --out")]
    [InlineData("--out is an input")]
    [InlineData("unknown option")]
    public async Task A_command_line_that_cannot_be_carried_out_exits_with_2(string problem)
    {
        var (domain, buyer, seller) = GeniusFiles.WriteAll(scratch);
        var output = Path.Combine(scratch, "out.yaml");
        string[] args = problem switch
        {
            "one profile" => ["import-genius", domain, buyer, "--out", output],
            "no --out" => ["import-genius", domain, buyer, seller],
            "--out is an input" => ["import-genius", domain, buyer, seller, "--out", seller],
            _ => ["import-genius", domain, buyer, seller, "--output", output],
        };
        var expected = problem switch
        {
            "one profile" => "a negotiation needs at least 2 profiles, got 1",
            "no --out" => "--out is required",
            "--out is an input" => "is the input file",
            _ => "unknown option '--output' for 'tradesim import-genius'",
        };

        var result = await TradeSimProcess.RunAsync(args);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain(expected);
        NoStackTrace(result);
        File.Exists(output).Should().BeFalse();
        File.ReadAllText(seller).Should().Be(GeniusFiles.Seller);
    }
}
