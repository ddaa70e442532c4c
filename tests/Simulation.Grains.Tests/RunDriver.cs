using Simulation.Grains.Abstractions.Outcomes;
using Simulation.Grains.Abstractions.Runs;

namespace Simulation.Grains.Tests;

/// <summary>Starts a run through the run grain and waits for it the way the CLI does: by polling its status.</summary>
public static class RunDriver
{
    public static async Task<RunOutcome> RunAsync(IGrainFactory grains, string scenarioText, string fileName, long seed)
    {
        var run = grains.GetGrain<IRunGrain>(RunIds.For(scenarioText, seed));
        var status = await run.StartAsync(new RunRequest(scenarioText, fileName, seed));

        // A guard against a hang, not a speed check: a small scenario takes well under a second.
        using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        while (status.Phase is RunPhase.Running or RunPhase.NotStarted)
        {
            await Task.Delay(20, hang.Token);
            status = await run.GetStatusAsync();
        }

        status.Phase.Should().Be(RunPhase.Completed, status.Failure);
        return (await run.GetOutcomeAsync())!;
    }
}
