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
    public void The_hand_computed_three_party_case_climbs_by_the_changes_no_one_vetoes()
    {
        // Values of each text to (A, B, C), from the tables above:
        //   [0,0] (0, 0, 0)   [1,0] (2, 1, 1)   [0,1] (−1, 2, 1)   [1,1] (1, 3, 2)   [2,0] (3, −1, 2)   [2,1] (2, 1, 3)
        // Sweep 1, from [0,0]: [1,0] passes, [0,1] is vetoed by A, the pair [1,1] passes. Which one
        // passes first depends on the seeded order.
        //  - [1,0] first: from [1,0] (2, 1, 1) only the pair [2,1] (2, 1, 3) leaves no one worse off
        //    ([0,0] all lose, [2,0] B loses, [1,1] A loses, [0,1] A loses); from [2,1] nothing passes
        //    ([1,1] A, [2,0] B, [1,0] C lose): three failed proposals, then all ratify [2,1].
        //  - [1,1] first: from [1,1] (1, 3, 2) every change hurts someone ([0,1] A, [2,1] B, [1,0] B,
        //    [0,0] all, [2,0] B): five failed proposals, then all ratify [1,1].
        // The test replays each negotiation's proposals against these hand tables, not the mediator's
        // own order: each proposal must be a change from the current text not yet tried in its sweep,
        // pass exactly when no one loses by the table, and the last sweep must try every change.
        var values = new Dictionary<Outcome, (double A, double B, double C)>
        {
            [Outcome.Of(0, 0)] = (0, 0, 0), [Outcome.Of(1, 0)] = (2, 1, 1), [Outcome.Of(0, 1)] = (-1, 2, 1),
            [Outcome.Of(1, 1)] = (1, 3, 2), [Outcome.Of(2, 0)] = (3, -1, 2), [Outcome.Of(2, 1)] = (2, 1, 3),
        };
        // One level up or down on either issue, or on both (the mediator's one-step changes).
        var changes = new Dictionary<Outcome, Outcome[]>
        {
            [Outcome.Of(0, 0)] = [Outcome.Of(1, 0), Outcome.Of(0, 1), Outcome.Of(1, 1)],
            [Outcome.Of(1, 0)] = [Outcome.Of(0, 0), Outcome.Of(2, 0), Outcome.Of(1, 1), Outcome.Of(0, 1), Outcome.Of(2, 1)],
            [Outcome.Of(1, 1)] = [Outcome.Of(0, 1), Outcome.Of(2, 1), Outcome.Of(1, 0), Outcome.Of(0, 0), Outcome.Of(2, 0)],
            [Outcome.Of(2, 1)] = [Outcome.Of(1, 1), Outcome.Of(2, 0), Outcome.Of(1, 0)],
        };
        var finals = new HashSet<Outcome>();
        for (var seed = 0L; seed < 16; seed++)
        {
            var protocol = Play(NewProtocol(seed), Voter("A", ValueA), Voter("B", ValueB), Voter("C", ValueC));

            var votes = protocol.History.Where(h => h.Action is MoveKind.Vote or MoveKind.Veto).ToList();
            votes.Should().HaveCount(3 * protocol.AgreementRound!.Value, "3 votes in every round until the text is ratified");
            var text = Outcome.Of(0, 0);
            var tried = new List<Outcome>();
            var sweep = 1;
            foreach (var round in votes.Chunk(3))
            {
                var proposal = round[0].Offer!;
                round.Select(v => (v.Party, v.Offer)).Should().Equal(("A", proposal), ("B", proposal), ("C", proposal));
                changes[text].Should().Contain(proposal, "seed {0}: a proposal is a one-step change from {1}", seed, text);
                tried.Should().NotContain(proposal, "seed {0}: a sweep tries each change once", seed);
                var (before, after) = (values[text], values[proposal]);
                var vetoes = new[] { after.A < before.A, after.B < before.B, after.C < before.C };
                round.Select(v => v.Action).Should().Equal(vetoes.Select(v => v ? MoveKind.Veto : MoveKind.Vote), "seed {0}: {1} from {2}", seed, proposal, text);
                if (vetoes.Any(v => v))
                {
                    tried.Add(proposal);
                }
                else
                {
                    (text, sweep) = (proposal, sweep + 1);
                    tried.Clear();
                }
            }

            tried.Should().BeEquivalentTo(changes[text], "seed {0}: the text is put to ratification once a whole sweep passes nothing", seed);
            text.Should().BeOneOf(Outcome.Of(2, 1), Outcome.Of(1, 1));
            var rounds = protocol.AgreementRound.Value;
            protocol.Status.Should().Be(NegotiationStatus.Agreed);
            protocol.Agreement.Should().Be(text);
            protocol.Sweep.Should().Be(sweep);
            protocol.VotesTaken.Should().Be(3 * rounds);
            protocol.History.Skip(3 * rounds).Select(h => h.ToString()).Should().Equal(
                new TurnRecord(rounds, 3 * rounds + 1, "A", MoveKind.Accept, text).ToString(),
                new TurnRecord(rounds, 3 * rounds + 2, "B", MoveKind.Accept, text).ToString(),
                new TurnRecord(rounds, 3 * rounds + 3, "C", MoveKind.Accept, text).ToString());
            finals.Add(text);
        }

        finals.Should().BeEquivalentTo([Outcome.Of(2, 1), Outcome.Of(1, 1)], "over 16 seeds the mediator passed each of the two first changes first at least once");
    }

    [Fact]
    public void A_party_below_its_reservation_refuses_to_ratify_and_the_text_is_rejected()
    {
        // As above, but C needs a value of at least 1.5 and [1,0] is worth 1 to it: A and B accept,
        // C rejects; agreed only if all accept, so the status is rejected. (With seed 1 the text
        // ends at [2,1] or [1,1], worth 3 and 2 to C: let C need 3.5 so that either is refused.)
        var protocol = Play(NewProtocol(), Voter("A", ValueA), Voter("B", ValueB), Voter("C", ValueC, reservation: 3.5));

        protocol.Status.Should().Be(NegotiationStatus.Rejected);
        protocol.Agreement.Should().BeNull();
        var text = protocol.CurrentText.ToString();
        protocol.History.TakeLast(3).Select(h => $"{h.Party} {MoveKindNames.Name(h.Action)} {h.Offer}").Should().Equal(
            $"A accept {text}", $"B accept {text}", $"C reject {text}");
    }

    [Fact]
    public void When_every_change_is_vetoed_the_status_quo_stands_and_nothing_is_ratified()
    {
        // A vetoes everything: sweep 1 tries the three changes from [0,0] ([1,0], [0,1] and the pair
        // [1,1]: 3 rounds, 9 votes) and passes
        // nothing; the text is still the status quo, so there is no deal and no ratification.
        var protocol = Play(NewProtocol(),
            new ScriptedNegotiator("A", _ => new Veto()), Voter("B", ValueB), Voter("C", ValueC));

        protocol.Status.Should().Be(NegotiationStatus.Deadline);
        protocol.Round.Should().Be(3);
        protocol.TurnsTaken.Should().Be(9);
        protocol.History.Should().OnlyContain(h => h.Action == MoveKind.Vote || h.Action == MoveKind.Veto);
        protocol.CurrentText.Should().Be(Space.StatusQuo);
    }

    [Fact]
    public void At_the_deadline_voting_stops_and_the_text_as_it_stands_is_put_to_ratification()
    {
        // Everyone votes for a step up and vetoes a step down. From [0,0] all three changes are up,
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
        var passed = protocol.History.Where(h => h.Action == MoveKind.Vote).Select(h => h.Offer!).Distinct().ToList();
        passed.Should().NotBeEmpty();
        protocol.Agreement.Should().Be(passed[^1]);
        protocol.Agreement!.Levels.Sum().Should().BeGreaterThanOrEqualTo(passed.Count, "each passed change is one or two steps up");
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
            new TurnRecord(1, 1, "A", MoveKind.Vote, proposal), new TurnRecord(1, 2, "B", MoveKind.Veto, proposal));
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
        // From [1,0] in a 3 × 2 space the single steps are [0,0], [2,0] and [1,1], and the pairs of
        // steps on both issues [0,1] and [2,1].
        var order = SingleTextProtocol.ProposalOrder(Space, Outcome.Of(1, 0), 5, "ABC", 1);
        order.Should().BeEquivalentTo([Outcome.Of(0, 0), Outcome.Of(2, 0), Outcome.Of(1, 1), Outcome.Of(0, 1), Outcome.Of(2, 1)]);

        // From [2,1] (both at their top level) only the steps down: [1,1], [2,0] and the pair [1,0].
        SingleTextProtocol.ProposalOrder(Space, Outcome.Of(2, 1), 5, "ABC", 1)
            .Should().BeEquivalentTo([Outcome.Of(1, 1), Outcome.Of(2, 0), Outcome.Of(1, 0)]);

        // n issues of three levels at the middle level: 2n single steps and 4·n(n − 1)/2 pairs.
        SingleTextProtocol.ProposalOrder(OutcomeSpace.Separable(3, 3, 3, 3), Outcome.Of(1, 1, 1, 1), 5, "ABC", 1)
            .Should().HaveCount(8 + 24).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void A_large_agenda_gets_every_single_step_and_pair_without_building_them_all_at_once()
    {
        // 300 issues of two levels at the status quo: 300 single steps up and 300·299/2 = 44,850 pairs.
        var space = OutcomeSpace.Separable([.. Enumerable.Repeat(2, 300)]);
        var order = SingleTextProtocol.ProposalOrder(space, space.StatusQuo, 7, "BIG", 1);

        order.Should().HaveCount(300 + 44_850);
        foreach (var i in new[] { 0, 1, 299, 300, 45_149 })
        {
            order[i].Levels.Count(l => l == 1).Should().BeInRange(1, 2);
            space.Contains(order[i]).Should().BeTrue();
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_mediator_order_and_other_seeds_can_differ()
    {
        // Four issues of three levels from [1,1,1,1]: 32 changes, 32! orders.
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
        var protocol = Protocols.Create("single-text", new ProtocolSetup("ABC", ["A", "B", "C"], "B", 4, Space, 9));

        protocol.Should().BeOfType<SingleTextProtocol>();
        protocol.NextParty.Should().Be("B");
        protocol.TurnsAvailable.Should().Be(12);
        // The mediator's first proposal is one of the three changes from the status quo, and the one a
        // protocol built directly with seed 9 makes.
        protocol.StandingOffer.Should().BeOneOf(Outcome.Of(1, 0), Outcome.Of(0, 1), Outcome.Of(1, 1))
            .And.Be(new SingleTextProtocol("ABC", ["A", "B", "C"], "B", 4, Space, 9).StandingOffer!);
    }
}
