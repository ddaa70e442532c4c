using Simulation.Grains.Abstractions.Outcomes;
using Simulation.Grains.Abstractions.Runs;

namespace Simulation.Grains.Tests;

/// <summary>Starts a run through the run grain and waits for it the way the CLI does: by hearing the progress it pushes.</summary>
public static class RunDriver
{
    public static async Task<RunOutcome> RunAsync(IGrainFactory grains, string scenarioText, string fileName, long seed)
    {
        var run = grains.GetGrain<IRunGrain>(RunIds.For(scenarioText, seed));
        var end = new EndWatcher();
        var reference = grains.CreateObjectReference<IRunObserver>(end);
        try
        {
            // Subscribed before the start, so the end cannot be missed; a run already played (the
            // same scenario and seed in an earlier test) says so in the status the start returns.
            await run.SubscribeAsync(reference);
            var status = await run.StartAsync(new RunRequest(scenarioText, fileName, seed));
            if (status.Phase is RunPhase.Running or RunPhase.NotStarted)
            {
                // A guard against a hang, not a speed check: a small scenario takes well under a second.
                status = await end.Ended.WaitAsync(TimeSpan.FromMinutes(5));
            }

            status.Phase.Should().Be(RunPhase.Completed, status.Failure);
            return (await run.GetOutcomeAsync())!;
        }
        finally
        {
            grains.DeleteObjectReference<IRunObserver>(reference);
        }
    }

    private sealed class EndWatcher : IRunObserver
    {
        private readonly TaskCompletionSource<RunStatus> ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<RunStatus> Ended => ended.Task;

        public Task OnProgress(RunProgressUpdate update)
        {
            if (update.IsFinal)
            {
                ended.TrySetResult(update.Status);
            }

            return Task.CompletedTask;
        }
    }
}
