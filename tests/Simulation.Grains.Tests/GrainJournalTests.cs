using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Runs;
using Simulation.Model.Runs.Journal;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>
/// A run grain keeps the run's events as its journal, numbered from 1, and sends them to its
/// watchers with its progress: on two silos every event crosses the wire as its journal line. The
/// reference is the journal of the same scenario and seed played in process, line for line.
/// </summary>
[Collection(nameof(ClusterCollection))]
public sealed class GrainJournalTests(TwoSilos twoSilos)
{
    public static TheoryData<string> Scenarios() =>
    [
        "scenarios/canada-indonesia.yaml",
        "tests/Simulation.Grains.Tests/Scenarios/events.yaml",
        "tests/Simulation.Grains.Tests/Scenarios/quota-two-tables.yaml",
    ];

    /// <summary>The journal of the run played in process by the model's engine, as lines: the reference for a grain run's journal.</summary>
    internal static async Task<List<string>> LocalJournalAsync(string text, string file, long seed)
    {
        var scenario = ScenarioLoader.Parse(text, file);
        var events = new List<RunEvent>();
        await InProcessRun.PlayAsync(scenario, RunStarted.For(scenario, text, seed), events.Add);
        return [.. events.Select(RunJournal.Line)];
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task The_run_grain_s_journal_and_the_events_it_pushed_are_the_in_process_journal_line_for_line(string path)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, path));
        var file = Path.GetFileName(path);
        var expected = await LocalJournalAsync(text, file, seed: 5);

        var pushed = new List<RunEvent>();
        var (runId, _) = await RunDriver.PlayAsync(twoSilos.Client, text, file, seed: 5, onUpdate: update =>
        {
            update.EventsBefore.Should().Be(pushed.Count, "updates arrive in order here and bring the events after those before");
            pushed.AddRange(update.Events);
        });
        var run = twoSilos.Client.GetGrain<IRunGrain>(runId);

        (await run.GetEventsAsync(0)).Select(RunJournal.Line).Should().Equal(expected);
        pushed.Select(RunJournal.Line).Should().Equal(expected);
        (await run.GetEventsAsync(3)).Select(RunJournal.Line).Should().Equal(expected.Skip(3), "the events after the first three");
        (await run.GetEventsAsync(expected.Count)).Should().BeEmpty();
    }
}
