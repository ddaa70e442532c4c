using System.Globalization;
using System.Text.Json.Nodes;

namespace Simulation.Client.Tests;

/// <summary>
/// What a person watching a run needs beside the dashboard (issue 10, items 4 and 6): the CLI names
/// the run and the grains to look up, and the silo's log follows the run, in one line per entry,
/// without the web host's and the runtime's noise.
/// </summary>
public sealed class DashboardIdsAndSiloLogTests
{
    private static readonly string Pivot = Path.Combine("scenarios", "canada-asia-pivot.yaml");

    [Fact]
    public async Task A_grains_run_prints_on_stderr_the_run_id_and_the_keys_of_its_run_negotiation_and_country_grains()
    {
        var result = await TradeSimProcess.RunAsync("run", Pivot, "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("run ", StringComparison.Ordinal) || l.StartsWith("grains:", StringComparison.Ordinal)).ToList();

        // The file's name and seed; its five negotiations and the six countries at them, in code order.
        lines.Should().HaveCount(2);
        lines[0].Should().MatchRegex(@"^run run-[0-9a-f]{16} \(Canada's Asia pivot \(November 2025\), seed 2025\)$");
        var id = lines[0].Split(' ')[1];
        lines[1].Should().Be(
            $"grains: RunGrain {id}; NegotiationGrain {id}/CAN-CHN, {id}/CAN-IDN, {id}/CAN-MYS, {id}/CAN-PHL, {id}/USA-CAN; " +
            $"CountryGrain {id}/CAN, {id}/CHN, {id}/IDN, {id}/MYS, {id}/PHL, {id}/USA");
        // The embedded silo has no web host: no live page or dashboard to point to.
        result.Stderr.Should().NotContain("live page:").And.NotContain("dashboard:");
    }

    [Fact]
    public async Task The_silo_log_names_the_run_its_events_and_agreements_and_leaves_out_per_request_noise()
    {
        await using var silo = await SiloProcess.StartAsync();
        using (var http = new HttpClient())
        {
            // A dashboard visit, whose requests would each log a few lines at Information.
            (await http.GetAsync(new Uri($"http://127.0.0.1:{silo.DashboardPort}/dashboard"))).IsSuccessStatusCode.Should().BeTrue(silo.Output);
        }

        var result = await TradeSimProcess.RunAsync("run", Pivot, "--gateway", $"127.0.0.1:{silo.GatewayPort}", "--format", "json");
        result.ExitCode.Should().Be(0, result.Stderr);
        (await silo.WaitForLineAsync("completed after", TimeSpan.FromMinutes(2))).Should().BeTrue(silo.Output);

        var outcome = JsonNode.Parse(result.Stdout)!;
        var runId = result.Stderr.Split('\n').First(l => l.StartsWith("run run-", StringComparison.Ordinal)).Split(' ')[1];
        var log = silo.Output.Split('\n');
        var expected = new List<string>
        {
            $"run {runId} (Canada's Asia pivot (November 2025), seed 2025) started",
            $"run {runId} event at round 5: USA ends USA-CAN",
        };
        foreach (var negotiation in outcome["negotiations"]!.AsArray().Where(n => n!["status"]!.GetValue<string>() == "agreed"))
        {
            var agreement = string.Join("; ", negotiation!["agreement"]!.AsArray().Select(e =>
                $"{Text(e!["importer"])}:{Text(e["exporter"])}:{Text(e["sector"])}={e["tariff"]!.GetValue<double>().ToString(CultureInfo.InvariantCulture)}"));
            expected.Add($"{Text(negotiation["id"])} agreed ({agreement})");
        }

        expected.Add($"run {runId} completed after {outcome["rounds_played"]!.GetValue<int>()} rounds");
        expected.Should().HaveCountGreaterThan(3, "the pivot agrees at least one of its tables");
        foreach (var line in expected)
        {
            log.Should().Contain(l => l.Contains(line, StringComparison.Ordinal), silo.Output);
        }

        // Nothing from the web host, the dashboard's requests, the placement pipeline or the runtime's chatter at Information.
        log.Where(l => l.Contains(" info: ", StringComparison.Ordinal))
            .Should().OnlyContain(l => l.Contains("Simulation.Grains.Runs.RunGrain", StringComparison.Ordinal) || l.Contains("TradeSim silo up", StringComparison.Ordinal), silo.Output);
    }

    private static string Text(JsonNode? node) => node!.GetValue<string>();
}
