using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Grains.Hosting;
using Simulation.Model.Reporting;
using Simulation.Model.Runs.Journal;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>
/// The run grain keeps its run in one record in grain storage (DESIGN §5.3), written at the start,
/// at the end of every round and at the end. A silo whose run storage keeps every write shows
/// what was written, in order; the expected values are the request the test sent and the outcome
/// the grain returned.
/// </summary>
public sealed class RunRecordTests : IAsyncLifetime
{
    private const string ScenarioFile = "canada-indonesia.yaml";
    private static readonly RecordingRunStorage s_written = new();
    private readonly string scenarioText = File.ReadAllText(RepositoryPaths.Scenario(ScenarioFile));
    private InProcessTestCluster cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        // The silo's own services, then this storage in place of the in-memory one: the last registration under a key wins.
        builder.ConfigureSilo((_, silo) => silo.AddTradeSimGrains().Services.AddKeyedSingleton<IGrainStorage>(TradeSimSiloBuilderExtensions.RunStorage, s_written));
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task A_paced_run_writes_its_record_when_it_starts_after_every_round_and_when_it_ends()
    {
        // Paced, so every write is done before the next round ends; unpaced, a write that waits for
        // the one before it writes the latest round (see the next test).
        var pace = TimeSpan.FromMilliseconds(100);
        var (runId, outcome) = await RunDriver.PlayAsync(cluster.Client, scenarioText, ScenarioFile, seed: 11, pace);

        var writes = s_written.Of(runId);
        writes[0].Should().BeEquivalentTo(new RunRecord { Request = new RunRequest(scenarioText, ScenarioFile, 11, pace), Phase = RunPhase.Running });
        writes[1..^1].Select(w => (w.Phase, w.CompletedRound)).Should().Equal(
            Enumerable.Range(1, outcome.RoundsPlayed).Select(round => (RunPhase.Running, round)),
            "one write at the end of each round the run played");
        var last = writes[^1];
        (last.Phase, last.CompletedRound, last.Failure, last.Request).Should().Be((RunPhase.Completed, outcome.RoundsPlayed, null, writes[0].Request));
        RunOutcomeJson.Serialize(last.Outcome!).Should().Be(RunOutcomeJson.Serialize(outcome));
        var journal = (await cluster.Client.GetGrain<IRunGrain>(runId).GetEventsAsync(0)).Select(RunJournal.Line).ToList();
        last.Journal.Should().Equal(journal, "the record keeps the run's journal");
        writes[1..^1].Select(w => w.Journal[^1]).Should().OnlyContain(l => l.StartsWith("{\"type\":\"round_completed\"", StringComparison.Ordinal),
            "a round's record holds its events up to the round's end");
    }

    [Fact]
    public async Task An_unpaced_run_writes_rounds_in_order_and_ends_with_its_outcome()
    {
        var (runId, outcome) = await RunDriver.PlayAsync(cluster.Client, scenarioText, ScenarioFile, seed: 13);

        var writes = s_written.Of(runId);
        writes[..^1].Should().OnlyContain(w => w.Phase == RunPhase.Running);
        writes[..^1].Select(w => w.CompletedRound).Should().StartWith(0).And.BeInAscendingOrder().And.OnlyHaveUniqueItems("a round overtaken by a later one is skipped, never written twice or out of order");
        (writes[^1].Phase, writes[^1].CompletedRound).Should().Be((RunPhase.Completed, outcome.RoundsPlayed));
        RunOutcomeJson.Serialize(writes[^1].Outcome!).Should().Be(RunOutcomeJson.Serialize(outcome));
    }

    [Fact]
    public async Task A_run_over_answers_from_its_record_after_its_grain_was_deactivated()
    {
        var (runId, outcome) = await RunDriver.PlayAsync(cluster.Client, scenarioText, ScenarioFile, seed: 12);
        var run = cluster.Client.GetGrain<IRunGrain>(runId);
        await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var status = await run.StartAsync(new RunRequest(scenarioText, ScenarioFile, 12));

        (status.Phase, status.Round).Should().Be((RunPhase.Completed, outcome.RoundsPlayed), "a completed run is not played again");
        RunOutcomeJson.Serialize((await run.GetOutcomeAsync())!).Should().Be(RunOutcomeJson.Serialize(outcome));
        s_written.Of(runId).Count(w => w.Phase == RunPhase.Running && w.CompletedRound == 0).Should().Be(1, "it started once");
    }
}
