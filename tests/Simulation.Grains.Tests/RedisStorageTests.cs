using Orleans.TestingHost;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Grains.Hosting;
using Simulation.Model.Reporting;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>
/// Run records and the runs directory in the cluster's Redis (DESIGN §5.3): a run played on one
/// cluster is found, with its outcome, in the run list of a cluster started afterwards on the same
/// Redis and service, whose silos never played it. The expected outcome is the independent replay of the rules (<see cref="ReferenceRun"/>).
/// </summary>
public sealed class RedisStorageTests : IAsyncLifetime
{
    private const string ScenarioFile = "canada-indonesia.yaml";
    private readonly string serviceId = $"tradesim-test-{Guid.NewGuid():N}";
    private RedisServer redis = null!;

    public async Task InitializeAsync() => redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await redis.DisposeAsync();

    [Fact]
    public async Task A_run_record_written_to_redis_is_read_back_by_a_cluster_that_never_played_it()
    {
        var text = File.ReadAllText(RepositoryPaths.Scenario(ScenarioFile));
        var reference = ReferenceRun.Play(ScenarioLoader.Parse(text, ScenarioFile), seed: 42);

        string runId;
        string played;
        await using (var first = await StartAsync())
        {
            (runId, var outcome) = await RunDriver.PlayAsync(first.Client, text, ScenarioFile, seed: 42);
            outcome.ShouldMatch(reference);
            played = RunOutcomeJson.Serialize(outcome);

            // The directory writes its list on a timer, not when its silo shuts down (the embedded
            // silo's in-memory store is going away then): give the timer a few of its periods.
            await Task.Delay(Simulation.Grains.Runs.RunDirectoryGrain.WriteEvery * 3);
        }

        await using var second = await StartAsync();
        var status = await second.Client.GetGrain<IRunGrain>(runId).GetStatusAsync();
        status.Phase.Should().Be(RunPhase.Completed, "the record in Redis says the run is over");
        var stored = await second.Client.GetGrain<IRunGrain>(runId).GetOutcomeAsync();
        stored!.ShouldMatch(reference);

        // The runs directory, on a silo that never heard of the run, lists it from storage.
        var listed = await RunDirectory.Of(second.Client).FindAsync(runId);
        listed.Should().NotBeNull("the directory's list is kept in Redis");
        listed!.Run.Status.Phase.Should().Be(RunPhase.Completed);
        RunOutcomeJson.Serialize(stored!).Should().Be(played, "the stored outcome is the played one, byte for byte");
    }

    private async Task<InProcessTestCluster> StartAsync()
    {
        ClusterAddress.TryParse(redis.ClusterAddress, out var address, out var problem).Should().BeTrue(problem);
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ServiceId = serviceId;
        builder.ConfigureSilo((_, silo) => silo.AddTradeSimGrains(address));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
