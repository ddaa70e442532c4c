using System.Globalization;
using System.Text.Json.Nodes;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>The printed timeline puts every step on the run's clock, whatever round each negotiation opened at.</summary>
public sealed class TimelineTests
{
    [Fact]
    public async Task A_deferred_negotiation_terminated_at_round_12_ends_at_round_12_of_the_timeline_though_its_own_round_counts_from_its_opening()
    {
        // events.yaml: AC is deferred and opens the round after AB agrees; CCC ends it at round 12.
        var scenario = RepositoryPaths.TestScenario("events.yaml");
        var json = await TradeSimProcess.RunAsync("run", scenario, "--format", "json", "--engine", "local");
        json.ExitCode.Should().Be(0, json.Stderr);
        var negotiations = JsonNode.Parse(json.Stdout)!["negotiations"]!.AsArray().ToDictionary(n => n!["id"]!.GetValue<string>(), n => n!);
        var abEnded = negotiations["AB"]["round"]!.GetValue<int>();
        negotiations["AC"]["status"]!.GetValue<string>().Should().Be("terminated");
        // AC opened at round abEnded + 1, so round 12 of the run is its own round 12 − abEnded.
        negotiations["AC"]["round"]!.GetValue<int>().Should().Be(12 - abEnded);

        var result = await TradeSimProcess.RunAsync("run", scenario, "--engine", "local");

        result.ExitCode.Should().Be(0, result.Stderr);
        var rows = result.Stdout.Split('\n').SkipWhile(l => !l.Contains("Timeline (run rounds)", StringComparison.Ordinal))
            .TakeWhile(l => !l.StartsWith('╰')).Where(l => l.StartsWith("│ ", StringComparison.Ordinal))
            .Select(l => l.Split('│', StringSplitOptions.TrimEntries)).ToList();
        rows.Should().Contain(r => r[1] == "12" && r[2] == "AC terminated" && r[3].StartsWith("ended by CCC: no deal", StringComparison.Ordinal));
        rows.Should().Contain(r => r[1] == (abEnded + 1).ToString(CultureInfo.InvariantCulture) && r[3] == "AC opens, as AB is agreed");
        rows.Should().Contain(r => r[1] == "2" && r[2] == "event: set-tariff");
        rows.Should().Contain(r => r[1] == "1" && r[2] == "AB opens");
    }

    [Fact]
    public async Task A_negotiation_terminated_before_its_start_round_is_listed_at_the_event_and_never_opens()
    {
        // AB would open at round 3; AAA ends it at round 2, so the timeline has no "AB opens" and
        // lists its end at round 2, not among the negotiations no event started.
        var file = Path.Combine(Path.GetTempPath(), $"tradesim-timeline-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, """
            name: Early end
            units: utility
            countries:
              AAA: {}
              BBB: {}
              CCC: {}
            negotiations:
              - id: AB
                parties: [AAA, BBB]
                start: 3
                issues:
                  - { id: deal, values: [none, "yes"], value: { AAA: [0, 1], BBB: [0, 1] } }
              - id: AC
                parties: [AAA, CCC]
                rounds: 4
                issues:
                  - { id: term, values: [none, x, y], value: { AAA: [0, 1, 0], CCC: [0, 0, 1] } }
                strategies: { AAA: hardliner, CCC: hardliner }
            events:
              - { round: 2, type: terminate, negotiation: AB, by: AAA }
            """);
        try
        {
            var result = await TradeSimProcess.RunAsync("run", file, "--engine", "local");

            result.ExitCode.Should().Be(0, result.Stderr);
            var rows = result.Stdout.Split('\n').SkipWhile(l => !l.Contains("Timeline (run rounds)", StringComparison.Ordinal))
                .TakeWhile(l => !l.StartsWith('╰')).Where(l => l.StartsWith("│ ", StringComparison.Ordinal))
                .Select(l => l.Split('│', StringSplitOptions.TrimEntries)).ToList();
            rows.Should().Contain(r => r[1] == "2" && r[2] == "AB terminated" && r[3] == "ended by AAA before it opened: no deal, gains 0");
            rows.Where(r => r[2].StartsWith("AB ", StringComparison.Ordinal)).Should().ContainSingle("AB neither opens nor is listed as never started");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
