using Simulation.Grains.Abstractions.Runs;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>
/// The runs directory (DESIGN §5.4): run grains report to it, at their start and end, and every
/// round only when paced; it pushes each change to its watchers and keeps the live pages the silos
/// register.
/// </summary>
[Collection(nameof(ClusterCollection))]
public sealed class RunDirectoryTests(TwoSilos twoSilos)
{
    private const string ScenarioFile = "canada-indonesia.yaml";
    private readonly string scenarioText = File.ReadAllText(RepositoryPaths.Scenario(ScenarioFile));

    [Fact]
    public async Task An_unpaced_run_is_listed_with_its_scenario_file_and_seed_and_reported_twice_at_its_start_and_end()
    {
        var grains = twoSilos.Client;
        var runId = RunDriver.OwnRunId(scenarioText, 21);
        await using var watcher = await DirectoryWatcher.StartAsync(grains);

        await grains.GetGrain<IRunGrain>(runId).StartAsync(new RunRequest(scenarioText, ScenarioFile, 21));
        var ended = await watcher.EndOfAsync(runId);
        var listed = await RunDirectory.Of(grains).FindAsync(runId);

        listed.Should().NotBeNull();
        listed!.Run.Should().Be(ended.Run);
        listed.Run.Scenario.Should().Be("Canada–Indonesia CEPA (stylised)", "the scenario file's name");
        listed.Run.ScenarioFile.Should().Be(ScenarioFile);
        listed.Run.Seed.Should().Be(21);
        listed.Run.Status.Phase.Should().Be(RunPhase.Completed);
        // Reports are numbered by the run grain: the end was the second, so a batch of unpaced runs costs the directory two calls a run.
        listed.Run.Report.Should().Be(2);
    }

    [Fact]
    public async Task A_paced_run_is_reported_at_its_start_after_every_round_and_at_its_end()
    {
        var grains = twoSilos.Client;
        var runId = RunDriver.OwnRunId(scenarioText, 22);
        await using var watcher = await DirectoryWatcher.StartAsync(grains);
        var run = grains.GetGrain<IRunGrain>(runId);

        await run.StartAsync(new RunRequest(scenarioText, ScenarioFile, 22, Pace: TimeSpan.FromMilliseconds(1)));
        var ended = await watcher.EndOfAsync(runId);
        var outcome = await run.GetOutcomeAsync();

        ended.Run.Report.Should().Be(outcome!.RoundsPlayed + 2, "one report at the start, one per round, one at the end");
        ended.Run.Status.Round.Should().Be(outcome.RoundsPlayed);
    }

    [Fact]
    public async Task Runs_are_listed_most_recent_first_in_the_order_the_directory_first_heard_of_them()
    {
        var grains = twoSilos.Client;
        var first = RunDriver.OwnRunId(scenarioText, 23);
        var second = RunDriver.OwnRunId(scenarioText, 24);
        await using var watcher = await DirectoryWatcher.StartAsync(grains);

        await grains.GetGrain<IRunGrain>(first).StartAsync(new RunRequest(scenarioText, ScenarioFile, 23));
        await watcher.EndOfAsync(first);
        await grains.GetGrain<IRunGrain>(second).StartAsync(new RunRequest(scenarioText, ScenarioFile, 24));
        await watcher.EndOfAsync(second);

        // The first run's end was reported after the second run's start: it stays below it all the same.
        var ids = (await RunDirectory.Of(grains).ListAsync()).Select(r => r.Run.RunId).ToList();
        ids.IndexOf(second).Should().BeGreaterThanOrEqualTo(0);
        ids.IndexOf(second).Should().BeLessThan(ids.IndexOf(first));
    }

    [Fact]
    public async Task A_live_page_registered_with_a_subscription_is_listed_until_the_subscription_ends()
    {
        var grains = twoSilos.Client;
        var directory = RunDirectory.Of(grains);
        var page = new LivePage("http://127.0.0.1:1/live", "http://127.0.0.1:1/dashboard");
        var observer = grains.CreateObjectReference<IRunDirectoryObserver>(new DirectoryWatcher.Listener());

        await directory.SubscribeAsync(observer, page);
        (await directory.GetPagesAsync()).Should().Contain(page);
        page.For("run-0123456789abcdef").Should().Be("http://127.0.0.1:1/live?run=run-0123456789abcdef");

        await directory.UnsubscribeAsync(observer);
        (await directory.GetPagesAsync()).Should().NotContain(page);
        grains.DeleteObjectReference<IRunDirectoryObserver>(observer);
    }

    /// <summary>A watcher of the directory that waits for the report of a run's end.</summary>
    internal sealed class DirectoryWatcher : IAsyncDisposable
    {
        private readonly IClusterClient grains;
        private readonly Listener listener = new();
        private IRunDirectoryObserver reference = null!;

        private DirectoryWatcher(IClusterClient grains) => this.grains = grains;

        public static async Task<DirectoryWatcher> StartAsync(IClusterClient grains)
        {
            var watcher = new DirectoryWatcher(grains);
            watcher.reference = grains.CreateObjectReference<IRunDirectoryObserver>(watcher.listener);
            await RunDirectory.Of(grains).SubscribeAsync(watcher.reference, page: null);
            return watcher;
        }

        /// <summary>The directory's push of the run's end; a guard against a hang, not a speed check.</summary>
        public Task<ListedRun> EndOfAsync(string runId) => listener.Ended(runId).WaitAsync(TimeSpan.FromMinutes(5));

        public async ValueTask DisposeAsync()
        {
            await RunDirectory.Of(grains).UnsubscribeAsync(reference);
            grains.DeleteObjectReference<IRunDirectoryObserver>(reference);
        }

        public sealed class Listener : IRunDirectoryObserver
        {
            private readonly Lock gate = new();
            private readonly Dictionary<string, TaskCompletionSource<ListedRun>> ends = [];

            public Task OnRunListed(ListedRun run)
            {
                if (run.Run.Status.Phase is RunPhase.Completed or RunPhase.Failed or RunPhase.Cancelled)
                {
                    Ended(run.Run.RunId);
                    lock (gate)
                    {
                        ends[run.Run.RunId].TrySetResult(run);
                    }
                }

                return Task.CompletedTask;
            }

            public Task<ListedRun> Ended(string runId)
            {
                lock (gate)
                {
                    if (!ends.TryGetValue(runId, out var end))
                    {
                        end = new TaskCompletionSource<ListedRun>(TaskCreationOptions.RunContinuationsAsynchronously);
                        ends[runId] = end;
                    }

                    return end.Task;
                }
            }
        }
    }
}
