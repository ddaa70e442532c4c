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
/// Runs survive a dead silo (DESIGN §5.3). Three in-process silos share one store of run records
/// (<see cref="RecordingRunStorage"/>, standing in for the cluster's store), and the silo playing a
/// run is killed while the run is under way. The run's grain, called again by its watcher as the
/// CLI's watch does, is activated on a survivor, resumes from its record and ends as it would have
/// undisturbed. The references are independent of the grains: the journal of the same scenario and
/// seed played in process by the model's engine, and the outcome of a run no silo left.
/// </summary>
public sealed class DeadSiloTests : IAsyncLifetime
{
    private const string ScenarioFile = "canada-indonesia.yaml";
    private const long Seed = 7;
    private static readonly TimeSpan s_pace = TimeSpan.FromMilliseconds(150);
    private readonly string scenarioText = File.ReadAllText(RepositoryPaths.Scenario(ScenarioFile));
    private readonly RecordingRunStorage storage = new();
    private InProcessTestCluster cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        // The silo's own services, then the shared store in place of the in-memory one: the last registration under a key wins.
        builder.ConfigureSilo((_, silo) => silo.AddTradeSimGrains().UseQuickFailureDetection()
            .Services.AddKeyedSingleton<IGrainStorage>(TradeSimSiloBuilderExtensions.RunStorage, storage));
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task A_paced_run_whose_silo_is_killed_goes_on_on_a_survivor_and_ends_byte_for_byte_as_undisturbed()
    {
        var expectedJournal = await GrainJournalTests.LocalJournalAsync(scenarioText, ScenarioFile, Seed);
        var undisturbed = RunOutcomeJson.Serialize(await RunDriver.RunAsync(cluster.Client, scenarioText, ScenarioFile, Seed));
        var watched = new WatchedRun(cluster.Client, RunDriver.OwnRunId(scenarioText, Seed), new RunRequest(scenarioText, ScenarioFile, Seed, s_pace));
        await watched.StartAsync();

        await watched.RoundHeard(3).WaitAsync(TimeSpan.FromSeconds(30));
        var killed = SiloOf(watched.RunId);
        await cluster.KillSiloAsync(killed);
        await watched.FollowAgainAsync();
        var status = await watched.Ended.WaitAsync(TimeSpan.FromSeconds(45));

        status.Phase.Should().Be(RunPhase.Completed, status.Failure);
        SiloOf(watched.RunId).SiloAddress.Should().NotBe(killed.SiloAddress, "the run went on on a survivor");
        var outcome = await watched.Run.GetOutcomeAsync();
        RunOutcomeJson.Serialize(outcome!).Should().Be(undisturbed);
        (await watched.Run.GetEventsAsync(0)).Select(RunJournal.Line).Should().Equal(expectedJournal, "the run's journal is the undisturbed run's");
        watched.Heard.Select(RunJournal.Line).Should().Equal(expectedJournal, "the watcher heard every event once, in order, across the kill");
        storage.Of(watched.RunId).Count(r => r.Phase == RunPhase.Completed).Should().Be(1, "the run completed once");
    }

    /// <summary>The silo whose activation of the run grain is live now.</summary>
    private InProcessSiloHandle SiloOf(string runId)
    {
        var grain = cluster.Client.GetGrain<IRunGrain>(runId).GetGrainId();
        cluster.TryGetGrainContext(grain, out var context).Should().BeTrue($"run {runId} is active somewhere");
        return cluster.GetSiloForAddress(context!.Address.SiloAddress!)!;
    }

    /// <summary>
    /// A run followed as the CLI's watch follows it: subscribed before it starts, hearing every
    /// pushed update in order; after its silo is lost, it subscribes again (which activates the run
    /// grain on a survivor) and catches up with a snapshot if pushes were lost on the way.
    /// </summary>
    private sealed class WatchedRun : IDisposable
    {
        private readonly Lock gate = new();
        private readonly RunRequest request;
        private readonly RunFollower follower;
        private readonly TaskCompletionSource<RunStatus> ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<(int Round, TaskCompletionSource Heard)> awaited = [];
        private readonly List<RunEvent> heard = [];

        public WatchedRun(IGrainFactory grains, string runId, RunRequest request)
        {
            RunId = runId;
            Run = grains.GetGrain<IRunGrain>(runId);
            this.request = request;
            follower = new RunFollower(grains, Run, gate, Take);
        }

        public string RunId { get; }

        public IRunGrain Run { get; }

        public Task<RunStatus> Ended => ended.Task;

        /// <summary>The run's events as the updates brought them, each once.</summary>
        public IReadOnlyList<RunEvent> Heard
        {
            get
            {
                lock (gate)
                {
                    return [.. heard];
                }
            }
        }

        public async Task StartAsync()
        {
            follower.BeginAfter(new RunProgressUpdate(0, new RunStatus(RunId, RunPhase.NotStarted, 0, 0, 0, null), "", [], [], []));
            await follower.SubscribeAsync();
            (await Run.StartAsync(request)).Phase.Should().Be(RunPhase.Running);
        }

        public Task RoundHeard(int round)
        {
            lock (gate)
            {
                var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                awaited.Add((round, waiting));
                return waiting.Task;
            }
        }

        /// <summary>Subscribes again until the run grain answers (its silo is declared dead first), then catches up.</summary>
        public async Task FollowAgainAsync()
        {
            var trying = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    await follower.SubscribeAsync().WaitAsync(TimeSpan.FromSeconds(10));
                    break;
                }
                catch (Exception error) when (error is OrleansException or TimeoutException && trying.Elapsed < TimeSpan.FromSeconds(30))
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500));
                }
            }

            follower.CatchUp(await Run.GetProgressAsync(), Take);
        }

        private void Take(RunProgressUpdate update)
        {
            // Under the follower's gate. A snapshot repeats the events before it: only those not heard count.
            update.EventsBefore.Should().BeLessThanOrEqualTo(heard.Count, "no event is skipped");
            heard.AddRange(update.Events.Skip((int)(heard.Count - update.EventsBefore)));
            foreach (var (round, waiting) in awaited.Where(a => update.Status.Round >= a.Round))
            {
                waiting.TrySetResult();
            }

            if (update.IsFinal)
            {
                ended.TrySetResult(update.Status);
            }
        }

        public void Dispose() => follower.Dispose();
    }
}
