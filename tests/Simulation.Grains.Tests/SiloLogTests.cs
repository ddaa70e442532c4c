using Simulation.Model.Negotiation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Simulation.Grains.Runs;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>One silo whose log lines are kept (<see cref="CapturedLogs"/>), the run grain's down to Debug.</summary>
public sealed class OneSiloWithLogs : ClusterFixture
{
    private static readonly CapturedLogs s_logs = new();

    public OneSiloWithLogs()
        : base(1, builder => builder.ConfigureSilo((_, silo) => silo.Services.AddLogging(logging => logging
            .AddProvider(s_logs)
            .AddFilter(typeof(RunGrain).FullName, LogLevel.Debug))))
    {
    }

    public CapturedLogs Logs => s_logs;
}

/// <summary>
/// The silo's log names runs, events, agreements and ends at Information (issue 10, item 6), so a
/// person watching `dotnet run --project Silo` can follow a run. The expected lines are built from
/// the scenario file's events and the outcome's agreement entries, not from the log code.
/// </summary>
public sealed class SiloLogTests(OneSiloWithLogs silo) : IClassFixture<OneSiloWithLogs>
{
    [Fact]
    public async Task A_run_logs_its_start_events_agreement_and_end_at_information_and_its_quiet_rounds_at_debug()
    {
        var relativePath = Path.Combine("tests", "Simulation.Grains.Tests", "Scenarios", "events.yaml");
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, relativePath));
        var scenario = ScenarioLoader.Parse(text, "events.yaml");
        var (runId, outcome) = await RunDriver.PlayAsync(silo.Client, text, "events.yaml", scenario.Seed);

        var lines = silo.Logs.Lines.Where(l => l.Category == typeof(RunGrain).FullName && l.Message.StartsWith($"run {runId} ", StringComparison.Ordinal)).ToList();
        var information = lines.Where(l => l.Level == LogLevel.Information).Select(l => l.Message).ToList();
        var ab = outcome.Negotiations.Single(n => n.Id == "AB");
        ab.Status.Should().Be(NegotiationStatus.Agreed, "AC opens when AB agrees (the file's start event)");
        var abAgreement = string.Join("; ", ab.Agreement!.Select(DashboardStateTests.Tariff));

        information.Should().ContainInOrder(
            $"run {runId} (Events on two tables, seed 1) started",
            $"run {runId} event at round 2: tariffs set: AAA:ROW:goods=15",
            $"run {runId} event at round 3: AAA changes its weights",
            $"run {runId} event at round 4: BBB changes strategy to linear",
            $"run {runId} round {ab.Round}: AB agreed ({abAgreement})",
            $"run {runId} event at round 12: CCC ends AC",
            $"run {runId} completed after {outcome.RoundsPlayed} rounds");
        outcome.Events.Should().Contain(e => e.Round == 12 && e.Type == "terminate", "CCC's walk-out at round 12 is in the outcome too");

        // Round 1 has no event and, with AB's six rounds ahead, no negotiation ends in it.
        lines.Should().ContainSingle(l => l.Message.StartsWith($"run {runId} round 1:", StringComparison.Ordinal))
            .Which.Level.Should().Be(LogLevel.Debug);
    }
}
