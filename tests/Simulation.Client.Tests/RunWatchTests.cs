using Simulation.Client.Cluster;
using Simulation.Model.Reporting;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Runs.Journal;

namespace Simulation.Client.Tests;

/// <summary>
/// How <see cref="RunWatch"/> follows a run grain, against a run grain played by the test (so it can
/// lose, reorder or repeat a push at will) and an embedded silo's client for the observer reference.
/// A watch applies the updates in order and each once, and a quiet run grain is asked for its status:
/// a run that ended unheard ends with its snapshot, and a grain that cannot answer fails the watch.
/// </summary>
public sealed class RunWatchTests
{
    private const string RunId = "run-0000000000000001";

    [Fact]
    public async Task Pushed_updates_that_arrive_out_of_order_or_twice_are_applied_in_order_once_each()
    {
        await using var cluster = await ClusterConnection.HostAsync(ClusterConnection.FreeLoopbackPorts, CancellationToken.None);
        var run = new ScriptedRun();
        using var watch = await RunWatch.StartAsync(cluster.Client, run, RunId, Request, "the embedded silo", CancellationToken.None);
        var seen = new List<(long Sequence, bool Snapshot)>();

        var ending = watch.EndAsync((u, snapshot) => seen.Add((u.Sequence, snapshot)), CancellationToken.None);
        foreach (var sequence in new long[] { 2, 1, 2, 4, 3, 1 })
        {
            await run.Observer!.OnProgress(Update(sequence, sequence == 4 ? RunPhase.Completed : RunPhase.Running));
        }

        var status = await ending.WaitAsync(TimeSpan.FromMinutes(1));

        status.Phase.Should().Be(RunPhase.Completed);
        seen.Should().Equal((1L, false), (2L, false), (3L, false), (4L, false));
    }

    [Fact]
    public async Task A_watch_that_joins_a_run_under_way_starts_from_its_snapshot_and_applies_only_the_updates_after_it()
    {
        await using var cluster = await ClusterConnection.HostAsync(ClusterConnection.FreeLoopbackPorts, CancellationToken.None);
        // Three rounds played and pushed before this watch subscribed.
        var run = new ScriptedRun { UnderWay = Update(3, RunPhase.Running) };
        using var watch = await RunWatch.StartAsync(cluster.Client, run, RunId, Request, "the embedded silo", CancellationToken.None);
        var seen = new List<(long Sequence, bool Snapshot)>();

        var ending = watch.EndAsync((u, snapshot) => seen.Add((u.Sequence, snapshot)), CancellationToken.None);
        foreach (var sequence in new long[] { 5, 3, 4 })
        {
            await run.Observer!.OnProgress(Update(sequence, sequence == 5 ? RunPhase.Completed : RunPhase.Running));
        }

        var status = await ending.WaitAsync(TimeSpan.FromMinutes(1));

        status.Phase.Should().Be(RunPhase.Completed);
        seen.Should().Equal((3L, true), (4L, false), (5L, false));
    }

    [Fact]
    public async Task A_run_that_ended_without_its_final_update_arriving_ends_the_watch_with_its_snapshot()
    {
        await using var cluster = await ClusterConnection.HostAsync(ClusterConnection.FreeLoopbackPorts, CancellationToken.None);
        var run = new ScriptedRun();
        using var watch = await RunWatch.StartAsync(cluster.Client, run, RunId, Request, "the embedded silo", CancellationToken.None);
        watch.QuietLimit = TimeSpan.FromMilliseconds(200);
        var seen = new List<(long Sequence, bool Snapshot, RunPhase Phase)>();

        var heardFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ending = watch.EndAsync(
            (u, snapshot) =>
            {
                seen.Add((u.Sequence, snapshot, u.Status.Phase));
                heardFirst.TrySetResult();
            },
            CancellationToken.None);
        await run.Observer!.OnProgress(Update(1, RunPhase.Running));
        await heardFirst.Task.WaitAsync(TimeSpan.FromMinutes(1));
        // The run ends with update 2, whose push is lost: only the grain's status and snapshot say so.
        run.Ended = Update(2, RunPhase.Completed);
        var status = await ending.WaitAsync(TimeSpan.FromMinutes(1));

        status.Phase.Should().Be(RunPhase.Completed);
        seen.Should().Equal((1L, false, RunPhase.Running), (2L, true, RunPhase.Completed));
        run.StatusChecks.Should().BePositive("the end was learnt from a status check");
    }

    [Fact]
    public async Task A_run_grain_that_cannot_be_reached_fails_the_watch_with_a_message_naming_the_silo()
    {
        await using var cluster = await ClusterConnection.HostAsync(ClusterConnection.FreeLoopbackPorts, CancellationToken.None);
        var run = new ScriptedRun();
        using var watch = await RunWatch.StartAsync(cluster.Client, run, RunId, Request, "the TradeSim silo at 127.0.0.1:30000", CancellationToken.None);
        watch.QuietLimit = TimeSpan.FromMilliseconds(200);
        // No survivor will answer for the grain: the watch gives up after trying for this long.
        watch.RecoveryLimit = TimeSpan.FromSeconds(3);

        var heardFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ending = watch.EndAsync((_, _) => heardFirst.TrySetResult(), CancellationToken.None);
        await run.Observer!.OnProgress(Update(1, RunPhase.Running));
        await heardFirst.Task.WaitAsync(TimeSpan.FromMinutes(1));
        run.Gone = true;
        var failing = async () => await ending.WaitAsync(TimeSpan.FromMinutes(1));

        (await failing.Should().ThrowAsync<SiloLostException>()).Which.Message
            .Should().Be($"lost the TradeSim silo at 127.0.0.1:30000: run {RunId} did not answer a status check (the connection to it failed)");
    }

    [Fact]
    public async Task A_run_grain_back_on_a_survivor_after_its_silo_died_is_followed_again_with_no_round_lost_or_shown_twice()
    {
        await using var cluster = await ClusterConnection.HostAsync(ClusterConnection.FreeLoopbackPorts, CancellationToken.None);
        var run = new ScriptedRun();
        using var watch = await RunWatch.StartAsync(cluster.Client, run, RunId, Request, "the TradeSim silo at 127.0.0.1:30000", CancellationToken.None);
        watch.QuietLimit = TimeSpan.FromMilliseconds(200);
        var seen = new List<(long Sequence, bool Snapshot)>();
        var heardTwo = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var heardThree = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ending = watch.EndAsync((u, snapshot) =>
        {
            seen.Add((u.Sequence, snapshot));
            if (u.Sequence == 2)
            {
                heardTwo.TrySetResult();
            }
            else if (u.Sequence == 3)
            {
                heardThree.TrySetResult();
            }
        }, CancellationToken.None);
        await run.Observer!.OnProgress(Update(1, RunPhase.Running));
        await run.Observer.OnProgress(Update(2, RunPhase.Running));
        await heardTwo.Task.WaitAsync(TimeSpan.FromMinutes(1));

        // The silo dies with round 3's push; a survivor takes the run from its record and plays round 3 again.
        run.Gone = true;
        await Task.Delay(TimeSpan.FromSeconds(1));
        run.UnderWay = Update(3, RunPhase.Running);
        run.Gone = false;
        await run.Subscribed(2).WaitAsync(TimeSpan.FromMinutes(1));
        // The survivor's snapshot (round 3) is handed on before the replayed pushes are sent, as a
        // silo's subscribe answers before its next round; without this wait the test raced itself.
        await heardThree.Task.WaitAsync(TimeSpan.FromMinutes(1));
        // The new activation pushes its replayed rounds again, under the numbers the old one used.
        foreach (var sequence in new long[] { 2, 3, 4, 5 })
        {
            await run.Observer.OnProgress(Update(sequence, sequence == 5 ? RunPhase.Completed : RunPhase.Running));
        }

        var status = await ending.WaitAsync(TimeSpan.FromMinutes(1));

        status.Phase.Should().Be(RunPhase.Completed);
        seen.Should().Equal((1L, false), (2L, false), (3L, true), (4L, false), (5L, false));
    }

    private static readonly RunRequest Request = new("name: x", "x.yaml", 1);

    private static RunProgressUpdate Update(long sequence, RunPhase phase) =>
        new(sequence, new RunStatus(RunId, phase, (int)sequence, 10, phase == RunPhase.Running ? 1 : 0, null), "x", [], [], []);

    /// <summary>A run grain whose pushes, status and snapshot the test sets; it plays nothing itself.</summary>
    private sealed class ScriptedRun : IRunGrain
    {
        private readonly List<(int AtLeast, TaskCompletionSource Waiting)> subscribed = [];
        private int statusChecks;
        private int subscriptions;

        public IRunObserver? Observer { get; private set; }

        /// <summary>The run's last update once it has ended (its push may never arrive), else null.</summary>
        public volatile RunProgressUpdate? Ended;

        /// <summary>What the run's watchers had been told when this one subscribed, if it was under way already.</summary>
        public volatile RunProgressUpdate? UnderWay;

        /// <summary>Whether the grain is out of reach: every call fails as a lost connection does.</summary>
        public volatile bool Gone;

        public int StatusChecks => Volatile.Read(ref statusChecks);

        public Task<RunStatus> StartAsync(RunRequest request) => Task.FromResult(Status());

        public Task<RunStatus> SubscribeAsync(IRunObserver observer)
        {
            if (Gone)
            {
                return Task.FromException<RunStatus>(new SiloUnavailableException());
            }

            Observer = observer;
            var count = Interlocked.Increment(ref subscriptions);
            lock (subscribed)
            {
                foreach (var (atLeast, waiting) in subscribed.Where(s => count >= s.AtLeast))
                {
                    waiting.TrySetResult();
                }
            }

            return Task.FromResult(Status());
        }

        /// <summary>Completes once a watcher has subscribed <paramref name="times"/> times in all.</summary>
        public Task Subscribed(int times)
        {
            var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (subscribed)
            {
                subscribed.Add((times, waiting));
                if (Volatile.Read(ref subscriptions) >= times)
                {
                    waiting.TrySetResult();
                }
            }

            return waiting.Task;
        }

        public Task UnsubscribeAsync(IRunObserver observer) => Task.CompletedTask;

        public Task CancelAsync() => Task.CompletedTask;

        public Task ReleaseAsync() => Task.CompletedTask;

        public Task<RunProgressUpdate> GetProgressAsync() =>
            Gone ? Task.FromException<RunProgressUpdate>(new SiloUnavailableException())
            : Task.FromResult(Ended ?? UnderWay ?? new RunProgressUpdate(0, Status(), "x", [], [], []));

        public Task<RunStatus> GetStatusAsync()
        {
            Interlocked.Increment(ref statusChecks);
            return Gone ? Task.FromException<RunStatus>(new SiloUnavailableException()) : Task.FromResult(Status());
        }

        public Task<RunOutcome?> GetOutcomeAsync() => Task.FromResult<RunOutcome?>(null);

        public Task<string> GetScenarioTextAsync() => Task.FromResult(Request.ScenarioText);

        public Task<RunState> GetState() => throw new NotSupportedException();

        public Task<IReadOnlyList<RunEvent>> GetEventsAsync(long after) => throw new NotSupportedException();

        private RunStatus Status() => Ended?.Status ?? UnderWay?.Status ?? new RunStatus(RunId, RunPhase.Running, 0, 10, 1, null);
    }
}
