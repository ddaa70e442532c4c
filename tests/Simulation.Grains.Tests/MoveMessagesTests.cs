using Simulation.Grains.Abstractions.Countries;
using Simulation.Grains.Negotiations;
using Simulation.Model.Negotiation;

namespace Simulation.Grains.Tests;

public sealed class MoveMessagesTests
{
    public static TheoryData<NegotiationAction, TurnMove> Moves => new()
    {
        { new Offer(Outcome.Of(2, 0, 1)), TurnMove.Offer },
        { new Accept(), TurnMove.Accept },
        { new Reject(), TurnMove.Reject },
        { new Vote(), TurnMove.Vote },
        { new Veto(), TurnMove.Veto },
        { new WalkAway(), TurnMove.WalkAway },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void Every_move_travels_as_its_own_kind_and_comes_back_unchanged(NegotiationAction action, TurnMove kind)
    {
        var decision = MoveMessages.ToDecision(action, 0.75);

        decision.Move.Should().Be(kind);
        decision.TargetUtility.Should().Be(0.75);
        decision.Offer.Should().Equal(action is Offer ? [2, 0, 1] : null);
        MoveMessages.ToAction(decision).Should().Be(action);
    }

    [Fact]
    public void A_move_without_a_target_utility_says_so()
    {
        MoveMessages.ToDecision(new Vote(), null).TargetUtility.Should().BeNull();
    }

    [Fact]
    public void Every_move_of_the_closed_set_has_a_message_kind_and_every_kind_a_move()
    {
        // The closed set: the concrete records deriving from NegotiationAction in the model.
        var moves = typeof(NegotiationAction).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(NegotiationAction)) && !t.IsAbstract)
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);

        moves.Should().Equal(Enum.GetNames<TurnMove>().Order(StringComparer.Ordinal));
        Moves.Select(row => ((TurnMove)row[1]).ToString()).Should().BeEquivalentTo(Enum.GetNames<TurnMove>());
    }

    [Fact]
    public void An_offer_without_an_outcome_is_refused()
    {
        FluentActions.Invoking(() => MoveMessages.ToAction(new TurnDecision(TurnMove.Offer, null, null)))
            .Should().Throw<InvalidOperationException>().WithMessage("*without an outcome*");
    }

    [Theory]
    [InlineData(TurnPhase.Bargain, TurnStage.Bargain)]
    [InlineData(TurnPhase.Vote, TurnStage.Vote)]
    [InlineData(TurnPhase.Ratify, TurnStage.Ratify)]
    public void A_turn_context_travels_as_a_request_and_comes_back_equal(TurnPhase phase, TurnStage stage)
    {
        var context = new TurnContext(7, 12, Outcome.Of(1, 1), "mediator", phase, Outcome.Of(1, 0),
        [
            new TurnRecord(3, 6, "IDN", MoveKind.Veto, Outcome.Of(1, 1)),
            new TurnRecord(3, 7, "PHL", MoveKind.WalkAway, null),
        ]);

        var request = MoveMessages.ToRequest("CAN-ASEAN", context);

        request.Should().BeEquivalentTo(new
        {
            NegotiationId = "CAN-ASEAN",
            TurnsTaken = 7,
            TurnsAvailable = 12,
            StandingOffer = new[] { 1, 1 },
            StandingOfferBy = "mediator",
            Phase = stage,
            CurrentText = new[] { 1, 0 },
            MovesSince = new[] { new MoveRecord(3, 6, "IDN", "veto", [1, 1]), new MoveRecord(3, 7, "PHL", "walk_away", null) },
        }, options => options.ComparingByMembers<MoveRecord>());
        MoveMessages.ToContext(request).Should().Be(context);
    }

    [Fact]
    public void A_first_turn_with_nothing_on_the_table_travels_too()
    {
        var context = new TurnContext(0, 10, null, null);

        var back = MoveMessages.ToContext(MoveMessages.ToRequest("CAN-IDN", context));

        back.Should().Be(context);
        back.Moves.Should().BeEmpty();
    }
}
