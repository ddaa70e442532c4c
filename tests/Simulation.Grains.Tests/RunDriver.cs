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
        var ended = new TaskCompletionSource<RunStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var follower = new RunFollower(grains, run, new Lock(), update =>
        {
            onUpdate?.Invoke(update);
            if (update.IsFinal)
            {
                ended.TrySetResult(update.Status);
            }
        });
        // Subscribed before the start, so the end cannot be missed, and every update is heard from the first.
        follower.BeginAfter(new RunProgressUpdate(0, new RunStatus(runId, RunPhase.NotStarted, 0, 0, 0, null), "", [], [], []));
        await follower.SubscribeAsync();
        var status = await run.StartAsync(new RunRequest(scenarioText, fileName, seed, pace));
        status.Phase.Should().Be(RunPhase.Running, "the run id is this run's own, so no one else has played it");
        // A guard against a hang, not a speed check: a small scenario takes well under a second.
        status = await ended.Task.WaitAsync(TimeSpan.FromMinutes(5));

        status.Phase.Should().Be(RunPhase.Completed, status.Failure);
        return (runId, (await run.GetOutcomeAsync())!);
    }
}
