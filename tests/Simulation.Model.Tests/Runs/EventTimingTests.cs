using Simulation.Model.Negotiation;
using Simulation.Model.Runs;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Model.Tests.Runs;

/// <summary>
/// When events act, by hand on small scenarios in utility units whose outcomes need no engine to
/// know (DESIGN §5.1; docs/scenario-format.md, "Events and start rounds"):
/// <list type="bullet">
/// <item>EASY: AAA and BBB both value "yes" at 1 and "none" at 0. AAA opens with its best, "yes";
/// BBB's own next bid is "yes" too, so AC_next accepts it at once: agreed in the table's round 1.</item>
/// <item>STUCK: AAA values "x" at 1, CCC values "y" at 1, each the other at 0, and both are
/// hardliners (e = 0: every bid is their best, worth 1). AC_next accepts only an offer worth at least
/// one's next bid, 1, and each offer is worth 0 to the other, so nothing is accepted: deadline
/// after its <c>rounds</c>.</item>
/// </list>
/// A terminate before a table opens ends it unopened (round 0); one at the start of a table's round k
/// reports round k, with k − 1 rounds played; one after it ended changes nothing and is not listed;
/// events of one round apply in the order of the file, before that round plays.
/// </summary>
public sealed class EventTimingTests
{
    private static readonly Outcome Yes = new([1]);

    /// <summary>EASY with <paramref name="easy"/> added to its entry, STUCK with <paramref name="stuckRounds"/>, then <paramref name="events"/>.</summary>
    private static Scenario Load(string easy, int stuckRounds, params string[] events) =>
        ScenarioLoader.Parse(
            "name: Event timing\n" +
            "units: utility\n" +
            "countries:\n" +
            "  AAA: { strategy: hardliner }\n" +
            "  BBB: { strategy: hardliner }\n" +
            "  CCC: { strategy: hardliner }\n" +
            "negotiations:\n" +
            "  - id: EASY\n" +
            "    parties: [AAA, BBB]\n" +
            "    rounds: 10\n" +
            easy +
            "    issues:\n" +
            "      - { id: deal, values: [none, \"yes\"], value: { AAA: [0, 1], BBB: [0, 1] } }\n" +
            "  - id: STUCK\n" +
            "    parties: [AAA, CCC]\n" +
            $"    rounds: {stuckRounds}\n" +
            "    issues:\n" +
            "      - { id: term, values: [none, x, y], value: { AAA: [0, 1, 0], CCC: [0, 0, 1] } }\n" +
            (events.Length == 0 ? "" : "events:\n" + string.Concat(events.Select(e => $"  - {e}\n"))),
            "event-timing.yaml");

    private static async Task<RunResult> PlayAsync(Scenario scenario) => await EngineRuns.PlayAsync(scenario, scenario.Seed);

    private static NegotiationResult Of(RunResult result, string id) => result.Negotiations.Single(n => n.Id == id);

    [Fact]
    public async Task Without_events_EASY_agrees_in_round_1_and_STUCK_reaches_its_deadline()
    {
        // The premises of every test below, as reasoned in the class summary.
        var result = await PlayAsync(Load("", stuckRounds: 4));

        (Of(result, "EASY").Status, Of(result, "EASY").Round, Of(result, "EASY").Agreement).Should().Be((NegotiationStatus.Agreed, 1, Yes));
        (Of(result, "STUCK").Status, Of(result, "STUCK").Round, Of(result, "STUCK").Agreement).Should().Be((NegotiationStatus.Deadline, 4, (Outcome?)null));
        result.RoundsPlayed.Should().Be(4);
    }

    [Fact]
    public async Task A_terminate_before_a_later_start_ends_the_table_unopened()
    {
        // EASY would open at round 3 and agree there; AAA ends it at round 2, so it never opens.
        var result = await PlayAsync(Load("    start: 3\n", stuckRounds: 4, "{ round: 2, type: terminate, negotiation: EASY, by: AAA }"));

        var easy = Of(result, "EASY");
        (easy.Status, easy.Round, easy.Agreement, easy.History.Count).Should().Be((NegotiationStatus.Terminated, 0, (Outcome?)null, 0));
        easy.Assessments.Values.Should().AllSatisfy(a => (a.Gain, a.Utility).Should().Be((0.0, 0.0)));
        result.Events.Should().ContainSingle().Which.Round.Should().Be(2);
        result.RoundsPlayed.Should().Be(4, "STUCK plays to its deadline at round 4");
    }

    [Fact]
    public async Task A_terminate_before_a_deferred_start_ends_the_table_and_the_start_does_nothing()
    {
        var scenario = Load("    start: deferred\n", stuckRounds: 2,
            "{ round: 3, type: start, negotiation: EASY }",
            "{ round: 1, type: terminate, negotiation: EASY, by: BBB }");

        var result = await PlayAsync(scenario);

        var easy = Of(result, "EASY");
        (easy.Status, easy.Round, easy.Agreement, easy.History.Count).Should().Be((NegotiationStatus.Terminated, 0, (Outcome?)null, 0));
        // Only the terminate is applied; with EASY ended the start at round 3 has nothing to open,
        // so the run ends with STUCK's deadline at round 2 rather than wait for it.
        result.Events.Should().ContainSingle().Which.Should().Be(new AppliedEvent(1, scenario.Events[1], []));
        result.RoundsPlayed.Should().Be(2);
    }

    [Fact]
    public async Task A_terminate_of_a_table_that_agreed_changes_nothing_and_is_not_listed()
    {
        var result = await PlayAsync(Load("", stuckRounds: 4, "{ round: 3, type: terminate, negotiation: EASY, by: AAA }"));

        (Of(result, "EASY").Status, Of(result, "EASY").Round, Of(result, "EASY").Agreement).Should().Be((NegotiationStatus.Agreed, 1, Yes));
        Of(result, "EASY").Assessments.Values.Should().AllSatisfy(a => a.Utility.Should().Be(1));
        result.Events.Should().BeEmpty();
    }

    [Fact]
    public async Task A_terminate_of_a_table_past_its_deadline_changes_nothing_and_is_not_listed()
    {
        // STUCK ends at its deadline in round 2; EASY, opening at round 5, keeps the run going past the event at round 3.
        var result = await PlayAsync(Load("    start: 5\n", stuckRounds: 2, "{ round: 3, type: terminate, negotiation: STUCK, by: CCC }"));

        (Of(result, "STUCK").Status, Of(result, "STUCK").Round).Should().Be((NegotiationStatus.Deadline, 2));
        (Of(result, "EASY").Status, Of(result, "EASY").Round).Should().Be((NegotiationStatus.Agreed, 1));
        result.Events.Should().BeEmpty();
        result.RoundsPlayed.Should().Be(5);
    }

    [Fact]
    public async Task A_second_terminate_of_a_terminated_table_changes_nothing_and_is_not_listed()
    {
        var scenario = Load("", stuckRounds: 6,
            "{ round: 2, type: terminate, negotiation: STUCK, by: AAA }",
            "{ round: 4, type: terminate, negotiation: STUCK, by: CCC }");

        var result = await PlayAsync(scenario);

        // Round 1 was played, round 2 was not: terminated at the start of round 2.
        (Of(result, "STUCK").Status, Of(result, "STUCK").Round).Should().Be((NegotiationStatus.Terminated, 2));
        Of(result, "STUCK").History.Max(t => t.Round).Should().Be(1);
        result.Events.Should().ContainSingle().Which.Should().Be(new AppliedEvent(2, scenario.Events[0], []));
        result.RoundsPlayed.Should().Be(2, "nothing is left to play after STUCK ends, and the round 4 event has nothing to act on");
    }

    [Fact]
    public async Task Events_of_one_round_apply_in_the_order_of_the_file_start_then_terminate()
    {
        // The start opens EASY at round 2, then the terminate ends it at the start of its round 1, before any turn.
        var scenario = Load("    start: deferred\n", stuckRounds: 4,
            "{ round: 2, type: start, negotiation: EASY }",
            "{ round: 2, type: terminate, negotiation: EASY, by: AAA }");

        var result = await PlayAsync(scenario);

        (Of(result, "EASY").Status, Of(result, "EASY").Round, Of(result, "EASY").History.Count).Should().Be((NegotiationStatus.Terminated, 1, 0));
        result.Events.Should().Equal(new AppliedEvent(2, scenario.Events[0], []), new AppliedEvent(2, scenario.Events[1], []));
    }

    [Fact]
    public async Task Events_of_one_round_apply_in_the_order_of_the_file_terminate_then_start()
    {
        // The same two events the other way round: EASY is ended unopened (round 0), so the start has nothing to open.
        var scenario = Load("    start: deferred\n", stuckRounds: 4,
            "{ round: 2, type: terminate, negotiation: EASY, by: AAA }",
            "{ round: 2, type: start, negotiation: EASY }");

        var result = await PlayAsync(scenario);

        (Of(result, "EASY").Status, Of(result, "EASY").Round).Should().Be((NegotiationStatus.Terminated, 0));
        result.Events.Should().Equal(new AppliedEvent(2, scenario.Events[0], []));
    }

    [Fact]
    public async Task An_event_in_the_round_of_an_agreement_acts_before_it_and_does_not_see_it()
    {
        // EASY would agree in round 1; a terminate at round 1 comes first, before any offer: EASY
        // opened at round 1 and ended at its start (round 1, no turn played).
        var result = await PlayAsync(Load("", stuckRounds: 4, "{ round: 1, type: terminate, negotiation: EASY, by: BBB }"));

        var easy = Of(result, "EASY");
        (easy.Status, easy.Round, easy.Agreement, easy.History.Count).Should().Be((NegotiationStatus.Terminated, 1, (Outcome?)null, 0));
    }

    [Fact]
    public async Task An_event_waiting_for_an_agreement_fires_at_the_start_of_the_next_round()
    {
        // EASY agrees in round 1; the event fires at the start of round 2, after STUCK played round 1 only.
        var scenario = Load("", stuckRounds: 4, "{ when: { negotiation: EASY, status: agreed }, type: terminate, negotiation: STUCK, by: AAA }");

        var result = await PlayAsync(scenario);

        (Of(result, "STUCK").Status, Of(result, "STUCK").Round).Should().Be((NegotiationStatus.Terminated, 2));
        Of(result, "STUCK").History.Max(t => t.Round).Should().Be(1);
        result.Events.Should().Equal(new AppliedEvent(2, scenario.Events[0], []));
        result.RoundsPlayed.Should().Be(2);
    }

    [Theory]
    [InlineData(true, NegotiationStatus.Terminated, 0)]
    [InlineData(false, NegotiationStatus.Terminated, 1)]
    public async Task A_when_event_and_a_round_event_due_in_one_round_apply_in_the_order_of_the_file_whatever_their_trigger(
        bool whenFirst, NegotiationStatus expected, int expectedRound)
    {
        // STUCK reaches its deadline at round 4, so its when: is due at round 5, the round of the start.
        // Written first, the terminate finds EASY unopened (round 0); written second, it ends EASY
        // after the start opened it, before it played (its round 1).
        var terminate = "{ when: { negotiation: STUCK, status: deadline }, type: terminate, negotiation: EASY, by: AAA }";
        var start = "{ round: 5, type: start, negotiation: EASY }";
        var result = await PlayAsync(Load("    start: deferred\n", stuckRounds: 4, whenFirst ? [terminate, start] : [start, terminate]));

        var easy = Of(result, "EASY");
        (easy.Status, easy.Round, easy.Agreement).Should().Be((expected, expectedRound, (Outcome?)null));
        result.Events.Select(e => e.Round).Should().AllBeEquivalentTo(5);
        result.Events.Should().HaveCount(whenFirst ? 1 : 2, "a start after the table ended does nothing and is not listed");
    }
}
