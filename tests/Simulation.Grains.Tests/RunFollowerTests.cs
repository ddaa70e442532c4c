using Simulation.Grains.Abstractions.Runs;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>
/// The one follower of a run's progress that the CLI's watch and the live page's feed share:
/// subscribe, snapshot, then every update after the snapshot once, in sequence, until the end.
/// </summary>
[Collection(nameof(ClusterCollection))]
public sealed class RunFollowerTests(OneSilo oneSilo)
{
    private const string ScenarioFile = "canada-indonesia.yaml";

    [Fact]
    public void Updates_arriving_before_the_snapshot_and_out_of_order_are_handed_on_once_in_sequence_until_the_end()
    {
        var handed = new List<long>();
        using var follower = new RunFollower(oneSilo.Client, oneSilo.Client.GetGrain<IRunGrain>("follower-unit"), new Lock(), u => handed.Add(u.Sequence));

        // Pushed between the subscription and the snapshot: nothing is handed on before the start is known.
        follower.OnProgress(Update(3, RunPhase.Running));
        follower.OnProgress(Update(1, RunPhase.Running));
        follower.OnProgress(Update(2, RunPhase.Running));
        handed.Should().BeEmpty();

        // The snapshot covers 1 and 2 (the watcher shows it itself): only 3 follows it.
        follower.BeginAfter(Update(2, RunPhase.Running));
        handed.Should().Equal(3);

        // The final update (6) overtakes 4 and 5; 3 arrives again: each is handed on once, in order.
        follower.OnProgress(Update(6, RunPhase.Completed));
        follower.OnProgress(Update(3, RunPhase.Running));
        handed.Should().Equal(3);
        follower.Ended.Should().BeFalse();
        follower.OnProgress(Update(5, RunPhase.Running));
        follower.OnProgress(Update(4, RunPhase.Running));
        handed.Should().Equal(3, 4, 5, 6);
        follower.Ended.Should().BeTrue();

        // Nothing follows the end.
        follower.OnProgress(Update(7, RunPhase.Completed));
        handed.Should().Equal(3, 4, 5, 6);
        follower.Snapshot!.Sequence.Should().Be(2);
    }

    [Fact]
    public void A_final_snapshot_ends_the_follow_and_nothing_held_is_handed_on()
    {
        var handed = new List<long>();
        using var follower = new RunFollower(oneSilo.Client, oneSilo.Client.GetGrain<IRunGrain>("follower-unit-final"), new Lock(), u => handed.Add(u.Sequence));

        follower.OnProgress(Update(4, RunPhase.Completed));
        follower.BeginAfter(Update(4, RunPhase.Completed));
        follower.OnProgress(Update(5, RunPhase.Completed));

        handed.Should().BeEmpty();
        follower.Ended.Should().BeTrue();
    }

    [Fact]
    public async Task Following_a_real_run_from_before_its_start_hands_on_one_update_per_round_then_the_end()
    {
        var scenarioText = await File.ReadAllTextAsync(RepositoryPaths.Scenario(ScenarioFile));
        var grains = oneSilo.Client;
        var run = grains.GetGrain<IRunGrain>(RunDriver.OwnRunId(scenarioText, 17));
        var handed = new List<RunProgressUpdate>();
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var follower = new RunFollower(grains, run, new Lock(), u =>
        {
            handed.Add(u);
            if (u.IsFinal)
            {
                ended.TrySetResult();
            }
        });

        await follower.SubscribeAsync();
        await run.StartAsync(new RunRequest(scenarioText, ScenarioFile, 17));
        // A snapshot taken once the run is under way: whatever it covers is not handed on again.
        var snapshot = await run.GetProgressAsync();
        follower.BeginAfter(snapshot);
        if (!snapshot.IsFinal)
        {
            await ended.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }

        var outcome = (await run.GetOutcomeAsync())!;
        // The grain pushes one update per round played and one at the end (RunObserverTests), so
        // the updates are numbered 1 .. rounds + 1: the snapshot plus those handed on are all of them.
        var last = outcome.RoundsPlayed + 1;
        handed.Select(u => u.Sequence).Should().Equal(Enumerable.Range((int)snapshot.Sequence + 1, last - (int)snapshot.Sequence).Select(i => (long)i));
        (snapshot.IsFinal || handed[^1].IsFinal).Should().BeTrue();
        follower.Ended.Should().BeTrue();
    }

    private static RunProgressUpdate Update(long sequence, RunPhase phase) =>
        new(sequence, new RunStatus("run-x", phase, (int)sequence, 10, 1, null), "test", [], [], []);
}
