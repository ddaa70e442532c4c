using Simulation.Grains.Abstractions.Runs;

namespace Simulation.Grains.Tests;

/// <summary>A run id from outside (a URL) is checked against the shape run ids have before it becomes a grain key.</summary>
public sealed class RunIdsTests
{
    [Fact]
    public void A_run_id_made_by_run_ids_is_recognised()
    {
        RunIds.IsRunId(RunIds.For("name: x", 42)).Should().BeTrue();
        RunIds.IsRunId("run-0123456789abcdef").Should().BeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("run-")]
    [InlineData("run-0123456789abcde")]
    [InlineData("run-0123456789abcdef0")]
    [InlineData("run-0123456789ABCDEF")]
    [InlineData("run-0123456789abcdeg")]
    [InlineData("RUN-0123456789abcdef")]
    [InlineData("run-../../../etc/pas")]
    [InlineData("run-0123456789abcde\n")]
    public void Anything_else_is_not_a_run_id(string? text) => RunIds.IsRunId(text).Should().BeFalse();
}
