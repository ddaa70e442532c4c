using Simulation.Model.Runs;
using Simulation.Model.Runs.Journal;
using Simulation.Model.Scenarios;

namespace Simulation.Tests.Shared;

/// <summary>
/// The engine's result of a run played in process, for tests that check what the engine did rather
/// than its outcome or its journal: those need no scenario text, so the run's start names none (an
/// empty SHA-256), which nothing these tests read depends on.
/// </summary>
public static class EngineRuns
{
    public static Task<RunResult> PlayAsync(Scenario scenario, long seed) =>
        InProcessRun.PlayAsync(scenario, new RunStarted(scenario.Name, "", seed));
}
