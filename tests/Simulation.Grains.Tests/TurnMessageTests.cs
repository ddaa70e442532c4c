using Simulation.Model.Negotiation;

namespace Simulation.Grains.Tests;

/// <summary>
/// DESIGN §7: every offer is a grain message, and a turn costs little more than that message. A run's
/// grains are counted call by call (<see cref="RunCallCounter"/>) on a negotiation whose every turn is
/// known by hand.
/// </summary>
[Collection(nameof(ClusterCollection))]
public sealed class TurnMessageTests(CountedOneSilo silo)
{
    // Two hardliners (each always offers its own best outcome, and accepts only an offer worth as much)
    // with opposed utilities: AAA's best (large, long) is worth 1 to AAA and 0 to BBB, BBB's best
    // (small, short) the reverse. Neither ever accepts, so the negotiation plays its 3 rounds of two
    // turns (AAA, then BBB) and ends at its deadline.
    private const string Text = """
        name: Two hardliners
        units: utility
        countries:
          AAA: { strategy: hardliner }
          BBB: { strategy: hardliner }
        negotiations:
          - id: deal
            parties: [AAA, BBB]
            rounds: 3
            issues:
              - { id: size, values: [small, large], value: { AAA: [0, 0.6], BBB: [0.6, 0] } }
              - { id: term, values: [short, long], value: { AAA: [0, 0.4], BBB: [0.4, 0] } }
        """;

    [Fact]
    public async Task A_round_of_alternating_offers_costs_a_call_per_turn_and_one_for_the_last_offer_s_value()
    {
        var (runId, outcome) = await RunDriver.PlayAsync(silo.Client, Text, "hardliners.yaml", seed: 1);

        var deal = outcome.Negotiations.Single();
        deal.Status.Should().Be(NegotiationStatus.Deadline);
        deal.History.Select(t => (t.Round, t.Party, t.Action)).Should().Equal(
            (1, "AAA", MoveKind.Offer), (1, "BBB", MoveKind.Offer),
            (2, "AAA", MoveKind.Offer), (2, "BBB", MoveKind.Offer),
            (3, "AAA", MoveKind.Offer), (3, "BBB", MoveKind.Offer));
        // Every offer valued by both parties, each with its own utility: AAA's offers 1 and 0, BBB's 0 and 1.
        deal.History.Select(t => (t.Utility!["AAA"], t.Utility!["BBB"])).Should().Equal(
            (1.0, 0.0), (0.0, 1.0), (1.0, 0.0), (0.0, 1.0), (1.0, 0.0), (0.0, 1.0));

        // Per round: the run grain's one call to the negotiation, one call per turn to the party on
        // turn (which also values the offers of the round it has not valued, and its own), and one
        // call to AAA for its value of BBB's offer, made after AAA's turn. Once: each party joins,
        // the negotiation opens, each party assesses the end. Nothing else reaches these grains.
        RunCallCounter.Of(runId).Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["JoinAsync"] = 2,
            ["OpenAsync"] = 1,
            ["PlayValuedRoundAsync"] = 3,
            ["TakeTurnAsync"] = 6,
            ["UtilitiesAsync"] = 3,
            ["AssessAsync"] = 2,
        });
    }
}
