using Simulation.Model.Negotiation;

namespace Simulation.Model.Tests.Negotiation;

public sealed class SingleTextProtocolTests
{
    // Two issues: issue 0 has levels 0, 1, 2; issue 1 has levels 0, 1. The status quo is [0,0].
    private static readonly OutcomeSpace Space = OutcomeSpace.Separable(3, 2);

    // Values over the status quo (additive; issue 0 then issue 1):
    //   A: [0, 2, 3], [0, −1]     B: [0, 1, −1], [0, 2]     C: [0, 1, 2], [0, 1]
    private static readonly AdditiveValueFunction ValueA = new(Space, [[0, 2, 3], [0, -1]]);
    private static readonly AdditiveValueFunction ValueB = new(Space, [[0, 1, -1], [0, 2]]);
    private static readonly AdditiveValueFunction ValueC = new(Space, [[0, 1, 2], [0, 1]]);

    /// <summary>
    /// A scripted voter for the tests (the real rule belongs to the negotiators): it vetoes a change
    /// that lowers its value, and ratifies a text worth at least <paramref name="reservation"/>.
    /// </summary>
    private static ScriptedNegotiator Voter(string party, AdditiveValueFunction value, double reservation = 0) =>
        new(party, turn => turn.Phase switch
        {
            TurnPhase.Vote => value.Value(turn.StandingOffer!) < value.Value(turn.CurrentText!) ? new Veto() : new Vote(),
            TurnPhase.Ratify => value.Value(turn.StandingOffer!) >= reservation ? new Accept() : new Reject(),
            _ => throw new InvalidOperationException($"A single text never asks to {turn.Phase}."),
        });

    private static SingleTextProtocol NewProtocol(long seed = 1, int rounds = 20) => new("ABC", ["A", "B", "C"], "A", rounds, Space, seed);

    private static SingleTextProtocol Play(SingleTextProtocol protocol, params ScriptedNegotiator[] voters) =>
        InProcessRounds.PlayToEnd(protocol, voters, (_, _) => new Random(0));

    [Fact]
    public void The_hand_computed_three_party_case_agrees_on_the_one_change_no_one_vetoes()
    {
        // From [0,0] the one-step changes are [1,0] (ΔV: A +2, B +1, C +1: passes) and [0,1]
        // (A −1: A vetoes). Sweep 1 tries them in the seeded order until [1,0] passes: 1 or 2 rounds.
        // From [1,0] the changes are [0,0] (all lose: vetoed), [2,0] (B 1 → −1: B vetoes) and [1,1]
        // (A 2 → 1: A vetoes): sweep 2 tries all three, passes nothing, and voting stops after
        // 3 more rounds. All three then ratify [1,0] (worth 2, 1, 1 > 0). Every seed must give this.
        var orders = new HashSet<string>();
        for (var seed = 0L; seed < 16; seed++)
        {
            var protocol = Play(NewProtocol(seed), Voter("A", ValueA), Voter("B", ValueB), Voter("C", ValueC));

            protocol.Status.Should().Be(NegotiationStatus.Agreed);
            protocol.Agreement.Should().Be(Outcome.Of(1, 0));
            protocol.Sweep.Should().Be(2);

            var proposals = protocol.History.Where(h => h.Action is "vote" or "veto").Chunk(3)
                .Select(votes => (Proposal: votes[0].Offer!.ToString(), Round: votes[0].Round, Votes: string.Join(" ", votes.Select(v => $"{v.Party}:{v.Action}"))))
                .ToList();
            var firstSweep = proposals.TakeWhile(p => p.Proposal != "[1,0]").Concat(proposals.Where(p => p.Proposal == "[1,0]").Take(1)).ToList();
            firstSweep.Select(p => p.Proposal).Should().BeSubsetOf(["[1,0]", "[0,1]"]);
            firstSweep[^1].Votes.Should().Be("A:vote B:vote C:vote");
            if (firstSweep.Count == 2)
            {
                firstSweep[0].Votes.Should().Be("A:veto B:vote C:vote");
            }

            var secondSweep = proposals.Skip(firstSweep.Count).ToList();
            secondSweep.Select(p => p.Proposal).Should().BeEquivalentTo(["[0,0]", "[2,0]", "[1,1]"]);
            secondSweep.Single(p => p.Proposal == "[0,0]").Votes.Should().Be("A:veto B:veto C:veto");
            secondSweep.Single(p => p.Proposal == "[2,0]").Votes.Should().Be("A:vote B:veto C:vote");
            secondSweep.Single(p => p.Proposal == "[1,1]").Votes.Should().Be("A:veto B:vote C:vote");

            var rounds = firstSweep.Count + 3;
            proposals.Select(p => p.Round).Should().Equal(Enumerable.Range(1, rounds));
            protocol.History.Skip(3 * rounds).Select(h => h.ToString()).Should().Equal(
                new TurnRecord(rounds, 3 * rounds + 1, "A", "accept", Outcome.Of(1, 0)).ToString(),
                new TurnRecord(rounds, 3 * rounds + 2, "B", "accept", Outcome.Of(1, 0)).ToString(),
                new TurnRecord(rounds, 3 * rounds + 3, "C", "accept", Outcome.Of(1, 0)).ToString());
            protocol.AgreementRound.Should().Be(rounds);
            protocol.VotesTaken.Should().Be(3 * rounds);
            orders.Add(firstSweep[0].Proposal);
        }

        orders.Should().BeEquivalentTo(["[1,0]", "[0,1]"], "over 16 seeds the mediator tried each change first at least once");
    }

    [Fact]
    public void A_party_below_its_reservation_refuses_to_ratify_and_the_text_is_rejected()
    {
        // As above, but C needs a value of at least 1.5 and [1,0] is worth 1 to it: A and B accept,
        // C rejects; agreed only if all accept, so the status is rejected.
        var protocol = Play(NewProtocol(), Voter("A", ValueA), Voter("B", ValueB), Voter("C", ValueC, reservation: 1.5));

        protocol.Status.Should().Be(NegotiationStatus.Rejected);
        protocol.Agreement.Should().BeNull();
        protocol.History.TakeLast(3).Select(h => $"{h.Party} {h.Action} {h.Offer}").Should().Equal(
            "A accept [1,0]", "B accept [1,0]", "C reject [1,0]");
    }

    [Fact]
    public void When_every_change_is_vetoed_the_status_quo_stands_and_nothing_is_ratified()
    {
        // A vetoes everything: sweep 1 tries both changes from [0,0] (2 rounds, 6 votes) and passes
        // nothing; the text is still the status quo, so there is no deal and no ratification.
        var protocol = Play(NewProtocol(),
            new ScriptedNegotiator("A", _ => new Veto()), Voter("B", ValueB), Voter("C", ValueC));

        protocol.Status.Should().Be(NegotiationStatus.Deadline);
        protocol.Round.Should().Be(2);
        protocol.TurnsTaken.Should().Be(6);
        protocol.History.Should().OnlyContain(h => h.Action == "vote" || h.Action == "veto");
        protocol.CurrentText.Should().Be(Space.StatusQuo);
    }

    [Fact]
    public void At_the_deadline_voting_stops_and_the_text_as_it_stands_is_put_to_ratification()
    {
        // Everyone votes for a step up and vetoes a step down. From [0,0] both changes are steps up,
        // so round 1 always passes one and the text is never the status quo again. Voting stops at
        // the deadline, after 3 rounds × 3 parties = 9 votes (TurnsAvailable), whatever passed, and
        // all ratify the text in round 3: 9 votes + 3 ratifications = 12 turns.
        var up = new Func<TurnContext, NegotiationAction>(turn => turn.Phase == TurnPhase.Vote
            ? (turn.StandingOffer!.Levels.Sum() > turn.CurrentText!.Levels.Sum() ? new Vote() : new Veto())
            : new Accept());
        var protocol = Play(NewProtocol(rounds: 3), new ScriptedNegotiator("A", up), new ScriptedNegotiator("B", up), new ScriptedNegotiator("C", up));

        protocol.TurnsAvailable.Should().Be(9);
        protocol.Status.Should().Be(NegotiationStatus.Agreed);
        protocol.AgreementRound.Should().Be(3);
        protocol.VotesTaken.Should().Be(9);
        protocol.TurnsTaken.Should().Be(12);
        var passed = protocol.History.Where(h => h.Action == "vote").Select(h => h.Offer!).Distinct().ToList();
        passed.Should().NotBeEmpty();
        protocol.Agreement.Should().Be(passed[^1]);
        protocol.Agreement!.Levels.Sum().Should().Be(passed.Count, "each passed change is one step up");
        protocol.Sweep.Should().Be(passed.Count + 1, "each passed change starts a new sweep");
    }

    [Fact]
    public void Each_voter_is_told_the_proposal_the_text_and_the_votes_since_its_last_turn()
    {
        var protocol = NewProtocol(rounds: 5);
        var first = protocol.ContextFor("A");
        first.Phase.Should().Be(TurnPhase.Vote);
        first.StandingOfferBy.Should().Be("mediator");
        first.CurrentText.Should().Be(Outcome.Of(0, 0));
        first.TurnsAvailable.Should().Be(15, "5 rounds × 3 parties");
        first.StandingOffer.Should().BeOneOf(Outcome.Of(1, 0), Outcome.Of(0, 1));

        var proposal = first.StandingOffer!;
        protocol.Apply("A", new Vote());
        protocol.Apply("B", new Veto());
        protocol.ContextFor("C").Moves.Should().Equal(
            new TurnRecord(1, 1, "A", "vote", proposal), new TurnRecord(1, 2, "B", "veto", proposal));
        protocol.Apply("C", new Vote());

        // Vetoed: the text stays, round 2 brings the other change; A has seen B's and C's votes.
        var second = protocol.ContextFor("A");
        second.TurnsTaken.Should().Be(3);
        second.CurrentText.Should().Be(Outcome.Of(0, 0));
        second.StandingOffer.Should().NotBe(proposal);
        second.Moves.Select(m => m.Party).Should().Equal("B", "C");
        protocol.Round.Should().Be(2);
    }

    [Fact]
    public void Illegal_moves_throw_and_change_nothing()
    {
        var protocol = NewProtocol();
        FluentActions.Invoking(() => protocol.Apply("A", new Offer(Outcome.Of(1, 0)))).Should().Throw<InvalidOperationException>().WithMessage("*cannot offer while voting*");
        FluentActions.Invoking(() => protocol.Apply("A", new Accept())).Should().Throw<InvalidOperationException>().WithMessage("*cannot accept while voting*");
        FluentActions.Invoking(() => protocol.Apply("A", new Reject())).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => protocol.Apply("B", new Vote())).Should().Throw<InvalidOperationException>().WithMessage("*A's turn*");
        FluentActions.Invoking(() => protocol.Apply("USA", new Vote())).Should().Throw<InvalidOperationException>().WithMessage("*not a party*");
        protocol.TurnsTaken.Should().Be(0);
        protocol.History.Should().BeEmpty();

        // Everyone votes yes once, then A walks away: over, and no further move is allowed.
        protocol.Apply("A", new Vote());
        protocol.Apply("B", new Vote());
        protocol.Apply("C", new Vote());
        protocol.Apply("A", new WalkAway());
        protocol.Status.Should().Be(NegotiationStatus.WalkedAway);
        FluentActions.Invoking(() => protocol.Apply("B", new Vote())).Should().Throw<InvalidOperationException>().WithMessage("*over*");
    }

    [Fact]
    public void Votes_are_refused_while_ratifying()
    {
        // rounds = 1, all vote yes: the first change passes and is put to ratification at once.
        var protocol = NewProtocol(rounds: 1);
        protocol.Apply("A", new Vote());
        protocol.Apply("B", new Vote());
        protocol.Apply("C", new Vote());

        protocol.Phase.Should().Be(TurnPhase.Ratify);
        protocol.ContextFor("A").Phase.Should().Be(TurnPhase.Ratify);
        protocol.ContextFor("A").Time.Should().Be(1, "3 votes of 3 available have been cast");
        FluentActions.Invoking(() => protocol.Apply("A", new Vote())).Should().Throw<InvalidOperationException>().WithMessage("*cannot vote while ratifying*");
        FluentActions.Invoking(() => protocol.Apply("A", new Veto())).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => protocol.Apply("A", new Offer(Outcome.Of(0, 0)))).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void The_mediator_tries_every_one_step_change_once_per_sweep()
    {
        // From [1,0] in a 3 × 2 space the one-step changes are [0,0], [2,0] and [1,1].
        var order = SingleTextProtocol.ProposalOrder(Space, Outcome.Of(1, 0), 5, "ABC", 1);
        order.Should().BeEquivalentTo([Outcome.Of(0, 0), Outcome.Of(2, 0), Outcome.Of(1, 1)]);

        // From [2,1] (both at their top level) only the steps down: [1,1] and [2,0].
        SingleTextProtocol.ProposalOrder(Space, Outcome.Of(2, 1), 5, "ABC", 1)
            .Should().BeEquivalentTo([Outcome.Of(1, 1), Outcome.Of(2, 0)]);
    }

    [Fact]
    public void The_same_seed_gives_the_same_mediator_order_and_other_seeds_can_differ()
    {
        // Four issues of three levels from [1,1,1,1]: 8 changes, 8! = 40320 orders.
        var space = OutcomeSpace.Separable(3, 3, 3, 3);
        var text = Outcome.Of(1, 1, 1, 1);
        string Order(long seed, string id, int sweep) => string.Join(" ", SingleTextProtocol.ProposalOrder(space, text, seed, id, sweep));

        for (var seed = 0L; seed < 10; seed++)
        {
            Order(seed, "CAN-ASEAN", 1).Should().Be(Order(seed, "CAN-ASEAN", 1));
        }

        Enumerable.Range(0, 10).Select(seed => Order(seed, "CAN-ASEAN", 1)).Distinct().Should().HaveCountGreaterThan(1);
        Enumerable.Range(1, 10).Select(sweep => Order(42, "CAN-ASEAN", sweep)).Distinct().Should().HaveCountGreaterThan(1);

        // Whole negotiations: the same seed, the same history.
        var ab = () => Play(NewProtocol(seed: 3), Voter("A", ValueA), Voter("B", ValueB), Voter("C", ValueC)).History;
        ab().Should().Equal(ab());
    }

    [Fact]
    public void The_registry_starts_it_with_the_space_and_the_seed()
    {
        var protocol = ProtocolRegistry.Create("single-text", new ProtocolSetup("ABC", ["A", "B", "C"], "B", 4, Space, 9));

        protocol.Should().BeOfType<SingleTextProtocol>();
        protocol.NextParty.Should().Be("B");
        protocol.TurnsAvailable.Should().Be(12);
        protocol.StandingOffer.Should().Be(SingleTextProtocol.ProposalOrder(Space, Space.StatusQuo, 9, "ABC", 1)[0]);
    }
}
