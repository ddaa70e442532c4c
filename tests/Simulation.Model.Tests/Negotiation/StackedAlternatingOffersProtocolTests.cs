using Simulation.Model.Determinism;
using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Model.Tests.Negotiation;

public sealed class StackedAlternatingOffersProtocolTests
{
    private static readonly Outcome X = Outcome.Of(1, 0);
    private static readonly Outcome Y = Outcome.Of(0, 1);

    // Parties listed A, B, C with B first: the turn order is B, C, A (round-robin from the first).
    private static StackedAlternatingOffersProtocol ThreeParties(int rounds = 4) => new("ABC", ["A", "B", "C"], "B", rounds);

    private static StackedAlternatingOffersProtocol Play(StackedAlternatingOffersProtocol protocol, params ScriptedNegotiator[] negotiators) =>
        InProcessRounds.PlayToEnd(protocol, negotiators, (_, _) => new Random(0));

    [Fact]
    public void Turns_go_round_robin_from_the_first_party_and_a_round_is_one_turn_each()
    {
        var protocol = ThreeParties();
        protocol.Order.Should().Equal("B", "C", "A");
        protocol.TurnsAvailable.Should().Be(12, "3 parties × 4 rounds");

        var seen = new List<(string, int)>();
        for (var i = 0; i < 7; i++)
        {
            seen.Add((protocol.NextParty, protocol.Round));
            protocol.Apply(protocol.NextParty, new Offer(Outcome.Of(i % 2, 0)));
        }

        seen.Should().Equal(("B", 1), ("C", 1), ("A", 1), ("B", 2), ("C", 2), ("A", 2), ("B", 3));
    }

    [Fact]
    public void An_offer_is_agreed_only_once_both_other_parties_have_accepted_it_in_turn()
    {
        // B offers X (turn 1); C accepts (turn 2): one of the N − 1 = 2 acceptances, still active;
        // A accepts (turn 3): the second, so X is agreed in round 1.
        var protocol = ThreeParties();
        protocol.Apply("B", new Offer(X));
        protocol.Apply("C", new Accept());

        protocol.Status.Should().Be(NegotiationStatus.Active);
        protocol.Acceptances.Should().Be(1);
        protocol.Agreement.Should().BeNull();

        protocol.Apply("A", new Accept());

        protocol.Status.Should().Be(NegotiationStatus.Agreed);
        protocol.Agreement.Should().Be(X);
        protocol.AgreementRound.Should().Be(1);
        protocol.History.Should().Equal(
            new TurnRecord(1, 1, "B", MoveKind.Offer, X),
            new TurnRecord(1, 2, "C", MoveKind.Accept, X),
            new TurnRecord(1, 3, "A", MoveKind.Accept, X));
    }

    [Fact]
    public void A_counter_offer_replaces_the_standing_offer_and_restarts_the_count()
    {
        // B offers X, C accepts (1 of 2), A counter-offers Y (count back to 0); then B accepts (1 of
        // 2, turn 4 = round 2) and C accepts (2 of 2, turn 5, round 2): Y is agreed in round 2.
        var b = new ScriptedNegotiator("B", new Offer(X), new Accept());
        var c = new ScriptedNegotiator("C", new Accept(), new Accept());
        var a = new ScriptedNegotiator("A", new Offer(Y));

        var protocol = Play(ThreeParties(), a, b, c);

        protocol.Status.Should().Be(NegotiationStatus.Agreed);
        protocol.Agreement.Should().Be(Y);
        protocol.AgreementRound.Should().Be(2);
        protocol.TurnsTaken.Should().Be(5);
        protocol.History.Select(h => $"{h.Round}/{h.Turn} {h.Party} {MoveKindNames.Name(h.Action)} {h.Offer}").Should().Equal(
            "1/1 B offer [1,0]",
            "1/2 C accept [1,0]",
            "1/3 A offer [0,1]",
            "2/4 B accept [0,1]",
            "2/5 C accept [0,1]");

        // Each party was told the turns since its own last one: B on turn 4 saw turns 2 and 3.
        b.Turns[1].Should().Be(new TurnContext(3, 12, Y, "A", TurnPhase.Bargain, null,
            [new TurnRecord(1, 2, "C", MoveKind.Accept, X), new TurnRecord(1, 3, "A", MoveKind.Offer, Y)]));
        c.Turns[0].Moves.Should().Equal(new TurnRecord(1, 1, "B", MoveKind.Offer, X));
        a.Turns[0].Moves.Should().HaveCount(2, "A moves third and saw B's offer and C's acceptance");
    }

    [Fact]
    public void Walking_away_ends_the_negotiation_for_everyone()
    {
        var protocol = Play(ThreeParties(),
            new ScriptedNegotiator("B", new Offer(X)),
            new ScriptedNegotiator("C", new Accept()),
            new ScriptedNegotiator("A", new WalkAway()));

        protocol.Status.Should().Be(NegotiationStatus.WalkedAway);
        protocol.Agreement.Should().BeNull();
        protocol.Round.Should().Be(1);
        protocol.History[^1].Should().Be(new TurnRecord(1, 3, "A", MoveKind.WalkAway, null));
    }

    [Fact]
    public void The_deadline_comes_after_N_times_rounds_turns()
    {
        // 3 parties × 2 rounds = 6 turns; each party keeps offering its own outcome.
        var protocol = new StackedAlternatingOffersProtocol("ABC", ["A", "B", "C"], "A", 2);
        var offers = new[] { Outcome.Of(0, 0), Outcome.Of(1, 0), Outcome.Of(0, 1) };
        var negotiators = new[] { "A", "B", "C" }
            .Select((p, i) => new ScriptedNegotiator(p, _ => new Offer(offers[i])))
            .ToArray();

        Play(protocol, negotiators);

        protocol.Status.Should().Be(NegotiationStatus.Deadline);
        protocol.TurnsTaken.Should().Be(6);
        protocol.Round.Should().Be(2);
        protocol.History.Select(h => (h.Round, h.Party)).Should().Equal(
            (1, "A"), (1, "B"), (1, "C"), (2, "A"), (2, "B"), (2, "C"));
    }

    [Fact]
    public void Illegal_moves_throw_and_change_nothing()
    {
        var protocol = ThreeParties();
        FluentActions.Invoking(() => protocol.Apply("A", new Offer(X))).Should().Throw<InvalidOperationException>().WithMessage("*B's turn*");
        FluentActions.Invoking(() => protocol.Apply("B", new Accept())).Should().Throw<InvalidOperationException>().WithMessage("*no offer*");
        FluentActions.Invoking(() => protocol.Apply("B", new Vote())).Should().Throw<InvalidOperationException>().WithMessage("*cannot vote*");
        FluentActions.Invoking(() => protocol.Apply("B", new Veto())).Should().Throw<InvalidOperationException>().WithMessage("*cannot veto*");
        FluentActions.Invoking(() => protocol.Apply("B", new Reject())).Should().Throw<InvalidOperationException>().WithMessage("*cannot reject*");
        FluentActions.Invoking(() => protocol.Apply("USA", new Offer(X))).Should().Throw<InvalidOperationException>().WithMessage("*not a party*");
        protocol.TurnsTaken.Should().Be(0);
        protocol.History.Should().BeEmpty();

        protocol.Apply("B", new Offer(X));
        protocol.Apply("C", new Accept());
        FluentActions.Invoking(() => protocol.Apply("A", new Reject())).Should().Throw<InvalidOperationException>();
        protocol.Acceptances.Should().Be(1, "the refused move left the count alone");
        protocol.Apply("A", new Accept());
        FluentActions.Invoking(() => protocol.Apply("B", new Offer(Y))).Should().Throw<InvalidOperationException>().WithMessage("*over*");
    }

    [Fact]
    public void Termination_ends_it_in_the_round_under_way()
    {
        var protocol = ThreeParties();
        protocol.Apply("B", new Offer(X));
        protocol.Apply("C", new Offer(Y));
        protocol.Apply("A", new Offer(X));
        protocol.Terminate();
        protocol.Status.Should().Be(NegotiationStatus.Terminated);
        protocol.Round.Should().Be(2, "turn 4 would have opened round 2");
    }

    [Theory]
    [InlineData("canada-indonesia.yaml", 42L)]
    [InlineData("canada-china-canola.yaml", 7L)]
    public void With_two_parties_it_plays_move_for_move_as_alternating_offers_on_a_shipped_scenario(string file, long seed)
    {
        var scenario = ScenarioLoader.Parse(File.ReadAllText(RepositoryPaths.Scenario(file)), file);
        var spec = scenario.Negotiations[0];

        var alternating = PlayShipped(scenario, spec, seed, new AlternatingOffersProtocol(spec.Id, spec.Parties, spec.First, spec.Rounds));
        var stacked = PlayShipped(scenario, spec, seed, new StackedAlternatingOffersProtocol(spec.Id, spec.Parties, spec.First, spec.Rounds));

        alternating.History.Should().NotBeEmpty();
        stacked.History.Should().Equal(alternating.History);
        (stacked.Status, stacked.Agreement, stacked.AgreementRound, stacked.Round, stacked.TurnsTaken)
            .Should().Be((alternating.Status, alternating.Agreement, alternating.AgreementRound, alternating.Round, alternating.TurnsTaken));
    }

    /// <summary>Plays with fresh seats in the base world, each turn's generator seeded as the country grain seeds it.</summary>
    private static INegotiationProtocol PlayShipped(Scenario scenario, NegotiationSpec spec, long seed, INegotiationProtocol protocol)
    {
        var world = World.FromScenario(scenario);
        var negotiators = spec.Parties.Select(p => NegotiationSeat.Take(scenario, spec, p, world).Negotiator).ToList();
        return InProcessRounds.PlayToEnd(protocol, negotiators, (party, turn) =>
            SeededRandom.For(seed, spec.Id, party, turn.TurnsTaken.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
