namespace Simulation.Client.Tests;

/// <summary>`validate`: what it says of a valid file, and of wrong reactions.</summary>
public sealed class ValidateCommandTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-validate-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task Validate_counts_the_numbers_a_file_marks_as_estimates()
    {
        var file = Path.Combine(scratch, "estimates.yaml");
        File.WriteAllText(file, """
            name: Marked
            sectors:
              goods: { demand_elasticity: 1.5, substitution_elasticity: 4, estimate: { demand_elasticity: { low: 0.5, high: 3 } } }
            countries:
              AAA: { name: A }
              BBB: { name: B }
            trade:
              - { importer: AAA, exporter: BBB, sector: goods, value: 100, tariff: 10, estimate: { value: { low: 50, high: 150 } } }
              - { importer: BBB, exporter: AAA, sector: goods, value: 80, tariff: 8 }
            """);

        var result = await TradeSimProcess.RunAsync("validate", file);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("(2 countries, 2 trade flows, 0 negotiations, 2 estimates)");
    }

    [Fact]
    public async Task Validate_warns_of_a_finite_supply_supplier_without_a_total_and_still_succeeds()
    {
        // gsim with finite supply: BBB has a supply: total, AAA has none, so its whole output would be the 80 it sells to BBB.
        var file = Path.Combine(scratch, "incomplete.yaml");
        File.WriteAllText(file, """
            name: Incomplete
            model: gsim
            sectors:
              goods: { demand_elasticity: 1.5, substitution_elasticity: 4, supply_elasticity: 2 }
            countries:
              AAA: { name: A }
              BBB: { name: B }
            trade:
              - { importer: AAA, exporter: BBB, sector: goods, value: 100, tariff: 10 }
              - { importer: BBB, exporter: AAA, sector: goods, value: 80, tariff: 8 }
            supply:
              - { country: BBB, sector: goods, total: 5000 }
            """);

        var result = await TradeSimProcess.RunAsync("validate", file);

        result.ExitCode.Should().Be(0, result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2);
        lines[0].Should().StartWith($"ok {file}: Incomplete");
        lines[1].Should().Be(
            $"warning: {file}: AAA supplies goods with finite supply (ε_x = 2) and has no supply: total, so its whole output would be " +
            "the few markets modelled (80 in the scenario's units), which exaggerates how far its world price moves; give its total sales " +
            "with { country: AAA, sector: goods, total: ... } under supply:");
    }

    [Fact]
    public async Task A_line_break_in_an_issue_id_stays_on_the_error_line()
    {
        var file = Path.Combine(scratch, "newline.yaml");
        File.WriteAllText(file, """
            name: Newline
            units: utility
            countries:
              AAA: {}
              BBB: {}
            negotiations:
              - id: AB
                parties: [AAA, BBB]
                issues:
                  - { id: "first\nerror: forged", values: [a, b] }
            """);

        var result = await TradeSimProcess.RunAsync("validate", file);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain(@"issue id 'first\nerror: forged' is not allowed");
        result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle(line => line.Contains("forged"));
    }

    [Fact]
    public async Task A_terminate_event_before_its_negotiation_opens_is_valid()
    {
        // The run ends such a negotiation unopened (docs/scenario-format.md, "Events and start rounds"), so validate accepts it.
        var file = Path.Combine(scratch, "terminate-early.yaml");
        File.WriteAllText(file, """
            name: Early end
            units: utility
            countries:
              AAA: {}
              BBB: {}
            negotiations:
              - id: AB
                parties: [AAA, BBB]
                start: 2
                issues:
                  - { id: deal, values: [none, "yes"], value: { AAA: [0, 1], BBB: [0, 1] } }
            events:
              - { round: 1, type: terminate, negotiation: AB, by: AAA }
            """);

        var local = await TradeSimProcess.RunAsync("run", file, "--engine", "local", "--format", "json");
        var grains = await TradeSimProcess.RunAsync("run", file, "--format", "json");

        (await TradeSimProcess.RunAsync("validate", file)).ExitCode.Should().Be(0);
        foreach (var result in new[] { local, grains })
        {
            result.ExitCode.Should().Be(0, result.Stderr);
            var negotiation = System.Text.Json.Nodes.JsonNode.Parse(result.Stdout)!["negotiations"]![0]!;
            negotiation["status"]!.GetValue<string>().Should().Be("terminated");
            negotiation["round"]!.GetValue<int>().Should().Be(0);
        }
    }

    [Fact]
    public async Task Wrong_reactions_are_all_reported_with_file_line_and_path_and_exit_code_2()
    {
        var file = Path.Combine(scratch, "reactions.yaml");
        File.WriteAllText(file, """
            name: Bad reactions
            sectors:
              goods: { demand_elasticity: 1.5, substitution_elasticity: 4 }
            countries:
              AAA: { name: A }
              BBB: { name: B }
            trade:
              - { importer: AAA, exporter: BBB, sector: goods, value: 100, tariff: 10 }
            events:
              - { when: { tariff: { importer: BBB, exporter: AAA, sector: goods }, above: 25 }, type: set-strategy, country: AAA, strategy: linear }
              - { when: { exports: { country: BBB, partner: AAA }, change_blow: -0.05 }, type: set-strategy, country: AAA, strategy: linear }
            """);

        var result = await TradeSimProcess.RunAsync("validate", file);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"{file}:10:23: events[0].when.tariff: no trade line (importer BBB, exporter AAA, sector goods) in the trade data")
            .And.Contain($"{file}:11:13: events[1].when: a condition needs one bound: change_below or change_above")
            .And.Contain($"{file}:11:56: events[1].when.change_blow: unknown key 'change_blow' (expected one of: exports, change_below, change_above); did you mean 'change_below'?")
            .And.Contain("3 errors; nothing was run.");
        CommandLineAssertions.NoStackTrace(result);
    }
}
