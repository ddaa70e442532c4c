using Simulation.Grains.Abstractions.Outcomes;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>
/// Every strategy runs from a scenario file through the grains (DESIGN §4.4), on the scenario where
/// AAA's seat at AC is repriced mid-negotiation when AB agrees (one-country-two-tables.yaml), and
/// gives the same outcome on one silo and on two.
/// </summary>
[Collection(nameof(ClusterCollection))]
public sealed class StrategyRunTests(TwoSilos twoSilos, OneSilo oneSilo)
{
    private const string File = "one-country-two-tables.yaml";
    private static readonly string Text = System.IO.File.ReadAllText(RepositoryPaths.TestScenario(File));

    [Theory]
    [InlineData("{ type: tit-for-tat, opponent_model: frequency }")]
    [InlineData("random")]
    [InlineData("backward-induction")]
    [InlineData("{ type: time-dependent, e: 0.5, acceptance: { type: constant, alpha: 0.6 }, opponent_model: perfect }")]
    [InlineData("{ type: conceder, opponent_model: none }")]
    public async Task A_strategy_plays_through_the_grains_and_is_deterministic(string strategy)
    {
        strategy = strategy.Replace("type: conceder", "type: time-dependent, e: 2", StringComparison.Ordinal);
        var text = Text.Replace("AAA: { name: A, strategy: linear }", $"AAA: {{ name: A, strategy: {strategy} }}", StringComparison.Ordinal);
        text.Should().NotBe(Text);

        var onTwo = await RunDriver.RunAsync(twoSilos.Client, text, File, seed: 3);
        var onOne = await RunDriver.RunAsync(oneSilo.Client, text, File, seed: 3);

        RunOutcomeJson.Serialize(onOne with { Timings = null }).Should().Be(RunOutcomeJson.Serialize(onTwo with { Timings = null }));
        onTwo.Negotiations.Should().HaveCount(2).And.OnlyContain(n => n.Status == "agreed" || n.Status == "deadline");
        foreach (var negotiation in onTwo.Negotiations.Where(n => n.Status == "agreed"))
        {
            // No agreement leaves a party below its reservation (utilities are undiscounted here: δ = 1).
            foreach (var party in negotiation.Parties)
            {
                negotiation.Utility[party].Should().BeGreaterThanOrEqualTo(negotiation.Reservation[party] - 1e-12);
            }
        }
    }
}
