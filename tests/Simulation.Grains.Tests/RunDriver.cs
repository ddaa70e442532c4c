using Simulation.Model.Reporting;
using Simulation.Grains.Abstractions.Runs;

namespace Simulation.Grains.Tests;

/// <summary>Starts a run through the run grain and waits for it the way the CLI does: by hearing the progress it pushes.</summary>
public static class RunDriver
{
    private static long s_runs;

    /// <summary>
    /// A run id no other run in this test process has. A run id is derived from the scenario's text
    /// and seed (<see cref="RunIds.For"/>), and the test clusters are shared by the tests of a
    /// collection, so two tests playing the same scenario and seed would share one run grain, and a
    /// "fresh" run could be another test's, played already. Each call here numbers its run in the
    /// variant part of the id, which users' runs leave empty (and a batch fills with its values), so
    /// the ids the CLI derives are unchanged. A run id names grains and nothing else: it draws no
    /// random number and is not part of the outcome, so the run plays as under any other id.
    /// </summary>
    public static string OwnRunId(string scenarioText, long seed) =>
        RunIds.For(scenarioText, seed, $"test-{Interlocked.Increment(ref s_runs)}");

    public static async Task<RunOutcome> RunAsync(IGrainFactory grains, string scenarioText, string fileName, long seed) =>
        (await PlayAsync(grains, scenarioText, fileName, seed)).Outcome;

    /// <summary>Plays a run under a run id of its own (<see cref="OwnRunId"/>) and returns that id with the outcome.</summary>
    /// <paramref name="onUpdate"/> hears every update pushed, once each and in sequence order.
    public static async Task<(string RunId, RunOutcome Outcome)> PlayAsync(
        IGrainFactory grains, string scenarioText, string fileName, long seed, TimeSpan pace = default, Action<RunProgressUpdate>? onUpdate = null)
    {
        var runId = OwnRunId(scenarioText, seed);
        var run = grains.GetGrain<IRunGrain>(runId);
        var end = new EndWatcher(onUpdate);
        var reference = grains.CreateObjectReference<IRunObserver>(end);
        try
        {
            // Subscribed before the start, so the end cannot be missed.
            await run.SubscribeAsync(reference);
            var status = await run.StartAsync(new RunRequest(scenarioText, fileName, seed, pace));
            status.Phase.Should().Be(RunPhase.Running, "the run id is this run's own, so no one else has played it");
            // A guard against a hang, not a speed check: a small scenario takes well under a second.
            status = await end.Ended.WaitAsync(TimeSpan.FromMinutes(5));

            status.Phase.Should().Be(RunPhase.Completed, status.Failure);
            return (runId, (await run.GetOutcomeAsync())!);
        }
        finally
        {
            grains.DeleteObjectReference<IRunObserver>(reference);
        }
    }

    /// <summary>Hears the pushed updates, puts them in order (one-way pushes may overtake each other) and ends with the final one.</summary>
    private sealed class EndWatcher(Action<RunProgressUpdate>? onUpdate) : IRunObserver
    {
        private readonly TaskCompletionSource<RunStatus> ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly RunProgressSequence sequence = new(after: 0);

        public Task<RunStatus> Ended => ended.Task;

        public Task OnProgress(RunProgressUpdate update)
        {
            lock (sequence)
            {
                foreach (var released in sequence.Accept(update))
                {
                    onUpdate?.Invoke(released);
                    if (released.IsFinal)
                    {
                        ended.TrySetResult(released.Status);
                    }
                }
            }

            return Task.CompletedTask;
        }
    }
}
