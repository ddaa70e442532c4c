using Simulation.Grains.Abstractions.Runs;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>The run grain pushes its progress to subscribed watchers (DESIGN §5.4): every round, in order, then the end.</summary>
[Collection(nameof(ClusterCollection))]
public sealed class RunObserverTests(OneSilo oneSilo)
{
    private const string ScenarioFile = "canada-indonesia.yaml";
    private readonly string scenarioText = File.ReadAllText(RepositoryPaths.Scenario(ScenarioFile));

    [Fact]
    public async Task A_watcher_subscribed_before_the_start_hears_every_round_numbered_in_order_then_the_completion()
    {
        var grains = oneSilo.Client;
        var run = grains.GetGrain<IRunGrain>(RunIds.For(scenarioText, 11));
        var watcher = new Watcher();
        var reference = grains.CreateObjectReference<IRunObserver>(watcher);

        await run.SubscribeAsync(reference);
        await run.StartAsync(new RunRequest(scenarioText, ScenarioFile, 11));
        var arrived = await watcher.EndAsync();
        var outcome = await run.GetOutcomeAsync();

        // One-way pushes may arrive out of order (Orleans does not promise order between calls):
        // the sequence numbers put them back, and none is missing.
        var updates = arrived.OrderBy(u => u.Sequence).ToList();
        updates.Select(u => u.Sequence).Should().Equal(Enumerable.Range(1, outcome!.RoundsPlayed + 1).Select(i => (long)i));
        updates[^1].Status.Phase.Should().Be(RunPhase.Completed);
        updates[^1].IsFinal.Should().BeTrue();
        updates.Take(updates.Count - 1).Should().OnlyContain(u => u.Status.Phase == RunPhase.Running);
        // One push per round played, then one for the end, which repeats the last round.
        updates.Take(updates.Count - 1).Select(u => u.Status.Round).Should().Equal(Enumerable.Range(1, outcome.RoundsPlayed));
        updates[^1].Status.Round.Should().Be(outcome.RoundsPlayed);
        updates[0].Negotiations.Should().Equal(new NegotiationProgress("CAN-IDN", "active"));
        updates[^1].Negotiations.Should().Equal(new NegotiationProgress("CAN-IDN", outcome.Negotiations[0].Status));
        grains.DeleteObjectReference<IRunObserver>(reference);
    }

    [Fact]
    public async Task A_paced_run_can_be_cancelled_between_rounds_and_its_watchers_hear_so()
    {
        // A minute between rounds: without the cancellation the run would wait after round 1.
        var text = scenarioText;
        var grains = oneSilo.Client;
        var run = grains.GetGrain<IRunGrain>(RunIds.For(text, 12, variant: "paced"));
        var watcher = new Watcher();
        var reference = grains.CreateObjectReference<IRunObserver>(watcher);

        await run.SubscribeAsync(reference);
        await run.StartAsync(new RunRequest(text, ScenarioFile, 12, Pace: TimeSpan.FromMinutes(1)));
        var first = await watcher.FirstAsync();
        await run.CancelAsync();
        var updates = (await watcher.EndAsync()).OrderBy(u => u.Sequence).ToList();

        first.Status.Round.Should().Be(1);
        updates[^1].Status.Phase.Should().Be(RunPhase.Cancelled);
        updates[^1].Status.Round.Should().Be(1, "the run was stopped in the wait after round 1");
        grains.DeleteObjectReference<IRunObserver>(reference);
    }

    private sealed class Watcher : IRunObserver
    {
        private readonly object gate = new();
        private readonly List<RunProgressUpdate> updates = [];
        private readonly TaskCompletionSource<RunProgressUpdate> first = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long? finalSequence;

        public Task OnProgress(RunProgressUpdate update)
        {
            lock (gate)
            {
                updates.Add(update);
                first.TrySetResult(update);
                if (update.IsFinal)
                {
                    finalSequence = update.Sequence;
                }

                // The end is heard once the final update and every one numbered before it have
                // arrived: one-way pushes may overtake each other.
                if (finalSequence is { } last && updates.Count >= last)
                {
                    ended.TrySetResult();
                }
            }

            return Task.CompletedTask;
        }

        // Guards against a hang, not speed checks: a run ends or is cancelled well within them.
        public Task<RunProgressUpdate> FirstAsync() => first.Task.WaitAsync(TimeSpan.FromMinutes(5));

        public async Task<IReadOnlyList<RunProgressUpdate>> EndAsync()
        {
            await ended.Task.WaitAsync(TimeSpan.FromMinutes(5));
            lock (gate)
            {
                return [.. updates];
            }
        }
    }
}
