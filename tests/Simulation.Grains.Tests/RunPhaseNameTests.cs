using Simulation.Grains.Abstractions.Runs;

namespace Simulation.Grains.Tests;

/// <summary>Every phase a run can be in has a word for the dashboard and the live page.</summary>
public sealed class RunPhaseNameTests
{
    [Fact]
    public void Every_run_phase_has_a_distinct_word()
    {
        // A cancelled run's dashboard state once threw here: the word for Cancelled was missing.
        var words = Enum.GetValues<RunPhase>().Select(RunPhases.Name).ToList();

        words.Should().Equal("not started", "running", "completed", "failed", "cancelled");
    }
}
