using System.Text.Json.Nodes;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>
/// The independent replay (<see cref="ReferenceRun"/>) against `tradesim run --engine local` on small
/// scenarios, one per feature it replays: discounts and walking away, start rounds and every kind of
/// event, the constant acceptance condition, the perfect and no opponent model, random and
/// tit-for-tat bidding, two-party stacked alternating offers; each compared outcome and move by
/// move (the `--trace`); and a clear refusal, naming the feature, of what it does not replay.
/// </summary>
public sealed class ReferenceRunTests : IDisposable
{
    // The minimal scenario of docs/scenario-format.md, which agrees in round 18; each test edits it.
    private const string Minimal = """
        name: Two countries
        seed: 1
        model: ces
        rounds: 20
        sectors:
          goods: { demand_elasticity: 1.5, substitution_elasticity: 4 }
          wares: { demand_elasticity: 1.2, substitution_elasticity: 6 }
        countries:
          AAA: { name: A, strategy: linear }
          BBB: { name: B, strategy: { type: time-dependent, e: 0.5 } }
          CCC: { name: C, strategy: conceder }
          ROW: { name: Rest of world, negotiates: false }
        trade:
          - { importer: AAA, exporter: BBB, sector: goods, value: 100, tariff: 10 }
          - { importer: AAA, exporter: ROW, sector: goods, value: 900, tariff: 10 }
          - { importer: BBB, exporter: AAA, sector: goods, value: 80, tariff: 8 }
          - { importer: AAA, exporter: BBB, sector: wares, value: 50, tariff: 12 }
          - { importer: BBB, exporter: AAA, sector: wares, value: 70, tariff: 6 }
          - { importer: AAA, exporter: CCC, sector: wares, value: 60, tariff: 12 }
          - { importer: CCC, exporter: AAA, sector: goods, value: 90, tariff: 9 }
          - { importer: CCC, exporter: BBB, sector: goods, value: 40, tariff: 9 }
          - { importer: CCC, exporter: ROW, sector: wares, value: 300, tariff: 5 }
        negotiations:
          - id: AB
            parties: [AAA, BBB]
            protocol: alternating-offers
            first: AAA
            issues:
              - { importer: AAA, exporter: BBB, sector: goods, levels: [10, 5, 0] }
              - { importer: BBB, exporter: AAA, sector: goods, from: 8, to: 0, steps: 4 }
            strategies: { BBB: conceder }
        """;

    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-replay-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task The_scenario_reference_s_minimal_scenario_agrees_in_round_18_as_the_reference_says_in_the_run_and_in_the_replay()
    {
        var (outcome, replay) = await Both(Minimal);

        outcome.ShouldMatchReplay(replay);
        replay.Negotiation("AB").Round.Should().Be(18, "the scenario reference: it agrees in round 18");
        replay.Negotiation("AB").AgreedLevels.Should().Equal([5, 0], "the scenario reference: A halves its tariff, B scraps its own");
    }

    [Fact]
    public async Task With_two_parties_stacked_alternating_offers_is_alternating_offers_in_the_run_and_in_the_replay()
    {
        var (outcome, replay) = await Both(Minimal.Replace("protocol: alternating-offers", "protocol: stacked-alternating-offers", StringComparison.Ordinal));

        outcome.ShouldMatchReplay(replay);
        replay.Negotiation("AB").Round.Should().Be(18, "the scenario reference: two-party SAOP is alternating offers");
    }

    [Fact]
    public async Task A_discounted_agreement_reports_utilities_discounted_to_the_turn_of_the_offer_in_the_run_as_in_the_replay()
    {
        var (outcome, replay) = await Both(Minimal.Replace("strategies: { BBB: conceder }", "strategies: { BBB: conceder }\n    discounts: { AAA: 0.995, BBB: 0.99 }", StringComparison.Ordinal));

        outcome.ShouldMatchReplay(replay);
        replay.Negotiation("AB").Status.Should().Be("agreed");
    }

    [Fact]
    public async Task A_negotiator_whose_best_outcome_discounted_falls_below_its_reservation_walks_away_in_the_run_as_in_the_replay()
    {
        // A's reservation 0.5 and δ = 0.9: its best, 1·0.9^(m−1), is below 0.5 from turn m = 8; A
        // moves on odd turns, so unless a deal comes first it walks away on turn 9, in round 5.
        var (outcome, replay) = await Both(Minimal
            .Replace("strategies: { BBB: conceder }", "strategies: { BBB: hardliner }\n    discounts: { AAA: 0.9 }\n    reservations: { AAA: 0.5 }", StringComparison.Ordinal));

        outcome.ShouldMatchReplay(replay);
        replay.Negotiation("AB").Status.Should().Be("walked_away");
        replay.Negotiation("AB").Round.Should().Be(5, "turn 9 is round 5");
    }

    [Fact]
    public async Task Constant_acceptance_and_the_perfect_opponent_model_play_in_the_run_as_in_the_replay()
    {
        var (outcome, replay) = await Both(Minimal.Replace(
            "AAA: { name: A, strategy: linear }",
            "AAA: { name: A, strategy: { type: time-dependent, e: 1.5, acceptance: { type: constant, alpha: 0.6 }, opponent_model: perfect } }",
            StringComparison.Ordinal));

        outcome.ShouldMatchReplay(replay);
    }

    [Fact]
    public async Task Bidding_without_an_opponent_model_offers_just_above_the_target_in_the_run_as_in_the_replay()
    {
        var (outcome, replay) = await Both(Minimal
            .Replace("AAA: { name: A, strategy: linear }", "AAA: { name: A, strategy: { type: time-dependent, e: 1, opponent_model: none } }", StringComparison.Ordinal));

        outcome.ShouldMatchReplay(replay);
    }

    [Fact]
    public async Task Tit_for_tat_plays_in_the_run_as_in_the_replay()
    {
        var (outcome, replay) = await Both(Minimal.Replace("strategies: { BBB: conceder }", "strategies: { BBB: tit-for-tat }", StringComparison.Ordinal));

        outcome.ShouldMatchReplay(replay);
    }

    [Fact]
    public async Task Random_bidding_plays_in_the_run_as_in_the_replay()
    {
        var (outcome, replay) = await Both(Minimal.Replace("strategies: { BBB: conceder }", "strategies: { BBB: random }", StringComparison.Ordinal));

        outcome.ShouldMatchReplay(replay);
    }

    [Fact]
    public async Task Start_rounds_and_every_kind_of_event_play_in_the_run_as_in_the_replay()
    {
        // AB opens at round 2 and AC at 3; at 4 A's tariff on the rest of the world's goods moves
        // AB's market; at 5 C walks out of AC; at 6 A turns conceder at AB; at 8 A weighs its exports
        // to B three times (a mercantilist's partner weight), which B's model of A sees too; AB-WARES
        // opens the round after AB agrees.
        var text = Minimal.Replace("    first: AAA\n", "    first: AAA\n    start: 2\n", StringComparison.Ordinal)
            + """

              - id: AB-WARES
                parties: [AAA, BBB]
                first: BBB
                start: deferred
                rounds: 10
                issues:
                  - { importer: AAA, exporter: BBB, sector: wares, levels: [12, 6, 0] }
                  - { importer: BBB, exporter: AAA, sector: wares, levels: [6, 3, 0] }
              - id: AC
                parties: [AAA, CCC]
                first: CCC
                start: 3
                rounds: 15
                issues:
                  - { importer: AAA, exporter: CCC, sector: wares, levels: [12, 6, 0] }
                  - { importer: CCC, exporter: AAA, sector: goods, levels: [9, 4.5, 0] }
            events:
              - { round: 4, type: set-tariff, importer: AAA, exporter: ROW, sector: goods, tariff: 5 }
              - { round: 5, type: terminate, negotiation: AC, by: CCC }
              - { round: 6, type: set-strategy, country: AAA, strategy: conceder }
              - { round: 8, type: set-weights, country: AAA, partner_weights: { BBB: 3 } }
              - { when: { negotiation: AB, status: agreed }, type: start, negotiation: AB-WARES }
            """;
        var (outcome, replay) = await Both(text);

        outcome.ShouldMatchReplay(replay);
        replay.Events.Select(e => (e.Round, e.Type)).Should().StartWith([(4, "set-tariff"), (5, "terminate"), (6, "set-strategy"), (8, "set-weights")]);
        replay.Negotiation("AC").Status.Should().Be("terminated");
        replay.Negotiation("AC").Round.Should().Be(3, "opened at run round 3, terminated at 5");
        replay.Negotiation("AB").Status.Should().Be("agreed");
        replay.Negotiation("AB").Round.Should().BeGreaterThanOrEqualTo(7, "AB (opened at 2) was still open when A's weights changed at 8");
        replay.Events.Should().ContainSingle(e => e.Type == "start" && e.Subject == "AB-WARES").Which.Round.Should().Be(replay.Negotiation("AB").Round + 2, "AB opened at 2 and AB-WARES the round after it agreed");
    }

    [Fact]
    public async Task Events_due_in_one_round_apply_in_the_order_written_whatever_their_trigger_in_the_run_as_in_the_replay()
    {
        // AB agrees in round 18 (the scenario reference), so in round 19 both events are due: the `when:` one,
        // written first, applies first. Applied `round:` events first, the list would read
        // set-tariff, set-strategy.
        var (outcome, replay) = await Both(Minimal + """

            events:
              - { when: { negotiation: AB, status: agreed }, type: set-strategy, country: AAA, strategy: conceder }
              - { round: 19, type: set-tariff, importer: AAA, exporter: ROW, sector: goods, tariff: 2 }
            """);

        outcome.ShouldMatchReplay(replay);
        replay.Events.Select(e => (e.Round, e.Type)).Should().Equal((19, "set-strategy"), (19, "set-tariff"));
    }

    [Fact]
    public async Task At_a_table_of_three_the_bid_is_the_best_for_the_worst_off_in_the_run_as_in_the_replay()
    {
        // A, B and C at one table, C first: every bid is the exact best worst-off over all 3·3·2·2 = 36
        // outcomes (docs/scenario-format.md, Strategies), so the run matches the replay move by move. (Under the
        // weighted-frontier search alone, C's bid on turn 7, (0, 9, 9, 6), left the worst-off at a
        // gain share of −1.378 while (0, 9, 0, 0), also above C's target, gave −1.290.)
        var (outcome, replay) = await Both(Minimal + """

              - id: ABC
                parties: [AAA, BBB, CCC]
                protocol: stacked-alternating-offers
                first: CCC
                rounds: 30
                issues:
                  - { importer: AAA, exporter: CCC, sector: wares, levels: [12, 6, 0] }
                  - { importer: CCC, exporter: AAA, sector: goods, levels: [9, 4.5, 0] }
                  - { importer: CCC, exporter: BBB, sector: goods, levels: [9, 0] }
                  - { importer: BBB, exporter: AAA, sector: wares, levels: [6, 0] }
            """);

        outcome.ShouldMatchReplay(replay);
        replay.Negotiation("ABC").Status.Should().Be("deadline");
        replay.Negotiation("ABC").Round.Should().Be(30);
        replay.Moves["ABC"].Should().HaveCount(90, "30 rounds of three turns");
    }

    [Fact]
    public void A_table_of_three_over_more_than_200000_outcomes_is_refused_by_the_replay()
    {
        // Four issues of 31 levels (30 steps each): 31^4 = 923,521 outcomes, above the bound of the scenario reference
        // for the exact several-party bid.
        var scenario = ScenarioLoader.Parse(Minimal + """

              - id: ABC
                parties: [AAA, BBB, CCC]
                protocol: stacked-alternating-offers
                first: CCC
                issues:
                  - { importer: AAA, exporter: CCC, sector: wares, from: 12, to: 0, steps: 30 }
                  - { importer: CCC, exporter: AAA, sector: goods, from: 9, to: 0, steps: 30 }
                  - { importer: CCC, exporter: BBB, sector: goods, from: 9, to: 0, steps: 30 }
                  - { importer: BBB, exporter: AAA, sector: wares, from: 6, to: 0, steps: 30 }
            """, "edited.yaml");

        var play = () => ReferenceRun.Play(scenario, scenario.Seed);

        play.Should().Throw<NotSupportedException>().WithMessage("*three or more*200,000*923,521*ABC*");
    }

    [Theory]
    [InlineData("protocol: alternating-offers", "protocol: single-text", "protocol 'single-text'")]
    [InlineData("strategies: { BBB: conceder }", "strategies: { BBB: backward-induction }", "bidding strategy 'backward-induction'")]
    [InlineData("strategies: { BBB: conceder }", "strategies: { BBB: { type: time-dependent, opponent_model: frequency } }", "opponent model 'frequency'")]
    [InlineData("steps: 4 }", "steps: 4 }\n      - { id: dispute_settlement, values: [none, panel], value: { AAA: [0, 4], BBB: [0, -2] } }", "issue of type DiscreteIssueSpec")]
    public void What_the_replay_cannot_replay_it_refuses_naming_it(string find, string replace, string named)
    {
        var scenario = ScenarioLoader.Parse(Minimal.Replace(find, replace, StringComparison.Ordinal), "edited.yaml");

        var play = () => ReferenceRun.Play(scenario, scenario.Seed);

        play.Should().Throw<NotSupportedException>().WithMessage($"*{named}*");
    }

    [Fact]
    public void A_terminate_event_before_its_negotiation_opened_is_refused_by_the_replay_rather_than_guessed()
    {
        // What such an event does is being decided (a negotiation not yet open): the replay does not guess.
        var scenario = ScenarioLoader.Parse(
            Minimal.Replace("    first: AAA\n", "    first: AAA\n    start: 3\n", StringComparison.Ordinal)
            + "\nevents:\n  - { round: 2, type: terminate, negotiation: AB, by: AAA }\n", "edited.yaml");

        var play = () => ReferenceRun.Play(scenario, scenario.Seed);

        play.Should().Throw<NotSupportedException>().WithMessage("*terminate*AB*before it opened*");
    }

    /// <summary>Runs the scenario with `tradesim run --engine local` and replays it; the outcomes are for the test to compare, the moves are compared here, turn by turn.</summary>
    private async Task<(JsonNode Outcome, ReferenceRun.Result Replay)> Both(string text)
    {
        var file = Path.Combine(scratch, "scenario.yaml");
        var trace = Path.Combine(scratch, "trace.csv");
        File.WriteAllText(file, text);
        var result = await TradeSimProcess.RunAsync("run", file, "--format", "json", "--engine", "local", "--trace", trace);
        result.ExitCode.Should().Be(0, result.Stderr);
        var scenario = ScenarioLoader.LoadFile(file);
        var replay = ReferenceRun.Play(scenario, scenario.Seed);
        File.ReadAllText(trace).ShouldMatchReplayMoves(scenario, replay);
        return (JsonNode.Parse(result.Stdout)!, replay);
    }
}
