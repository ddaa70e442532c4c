using System.Text.Json;
using Simulation.Model.Negotiation;

namespace Simulation.Model.Tests.Negotiation;

public sealed class AlternatingOffersProtocolTests
{
    private static AlternatingOffersProtocol NewProtocol(int rounds = 3) => new("CAN-IDN", ["CAN", "IDN"], "IDN", rounds);

    private static Offer OfferOf(params int[] levels) => new(Outcome.Of(levels));

    [Fact]
    public void Turns_alternate_from_the_first_party()
    {
        var protocol = NewProtocol();
        protocol.Status.Should().Be(NegotiationStatus.Active);
        protocol.TurnsAvailable.Should().Be(6); // 2 × 3 rounds
        protocol.Order.Should().Equal("IDN", "CAN");

        var seen = new List<(string Party, int Round)>();
        for (var i = 0; i < 5; i++)
        {
            seen.Add((protocol.NextParty, protocol.Round));
            protocol.Apply(protocol.NextParty, OfferOf(i % 2));
        }

        // A round is one turn of each party, the first party first.
        seen.Should().Equal(("IDN", 1), ("CAN", 1), ("IDN", 2), ("CAN", 2), ("IDN", 3));
        protocol.TurnsTaken.Should().Be(5);
        protocol.StandingOffer.Should().Be(Outcome.Of(0));
        protocol.StandingOfferBy.Should().Be("IDN");
    }

    [Fact]
    public void After_two_turns_per_round_without_agreement_the_deadline_is_reached()
    {
        var protocol = NewProtocol(rounds: 2);
        for (var turn = 1; turn <= 4; turn++)
        {
            protocol.Status.Should().Be(NegotiationStatus.Active);
            protocol.Apply(protocol.NextParty, OfferOf(turn % 2));
        }

        protocol.Status.Should().Be(NegotiationStatus.Deadline);
        protocol.TurnsTaken.Should().Be(4);
        protocol.Round.Should().Be(2, "it ended in its last round");
        protocol.Agreement.Should().BeNull();
        protocol.AgreementRound.Should().BeNull();
        protocol.History.Select(h => (h.Round, h.Turn, h.Party)).Should().Equal((1, 1, "IDN"), (1, 2, "CAN"), (2, 3, "IDN"), (2, 4, "CAN"));
        FluentActions.Invoking(() => protocol.Apply(protocol.NextParty, OfferOf(0))).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void An_accepted_offer_is_the_agreement_of_that_round()
    {
        var protocol = NewProtocol();
        protocol.Apply("IDN", OfferOf(1, 0));
        protocol.Apply("CAN", OfferOf(2, 1));
        protocol.Apply("IDN", new Accept()); // turn 3 = round 2, first half

        protocol.Status.Should().Be(NegotiationStatus.Agreed);
        protocol.Agreement.Should().Be(Outcome.Of(2, 1));
        protocol.AgreementRound.Should().Be(2);
        protocol.Round.Should().Be(2);
        protocol.History.Should().Equal(
            new TurnRecord(1, 1, "IDN", MoveKind.Offer, Outcome.Of(1, 0)),
            new TurnRecord(1, 2, "CAN", MoveKind.Offer, Outcome.Of(2, 1)),
            new TurnRecord(2, 3, "IDN", MoveKind.Accept, Outcome.Of(2, 1)));
        FluentActions.Invoking(() => protocol.Apply("CAN", OfferOf(0, 0))).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Accepting_on_the_very_last_turn_still_agrees()
    {
        var protocol = NewProtocol(rounds: 1);
        protocol.Apply("IDN", OfferOf(1));
        protocol.Apply("CAN", new Accept());
        protocol.Status.Should().Be(NegotiationStatus.Agreed);
        protocol.AgreementRound.Should().Be(1);
    }

    [Fact]
    public void Illegal_moves_throw_and_change_nothing()
    {
        var protocol = NewProtocol();
        FluentActions.Invoking(() => protocol.Apply("CAN", OfferOf(1))).Should().Throw<InvalidOperationException>().WithMessage("*IDN's turn*");
        FluentActions.Invoking(() => protocol.Apply("IDN", new Accept())).Should().Throw<InvalidOperationException>().WithMessage("*no offer*");
        FluentActions.Invoking(() => protocol.Apply("USA", OfferOf(1))).Should().Throw<InvalidOperationException>().WithMessage("*not a party*");
        protocol.TurnsTaken.Should().Be(0);
        protocol.History.Should().BeEmpty();
        protocol.Status.Should().Be(NegotiationStatus.Active);
        // Accepting one's own offer cannot even be attempted here: after a party offers, it is the
        // other's turn, and out-of-turn moves are refused first.
        protocol.Apply("IDN", OfferOf(1));
        FluentActions.Invoking(() => protocol.Apply("IDN", new Accept())).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Walking_away_ends_without_agreement()
    {
        var protocol = NewProtocol();
        protocol.Apply("IDN", OfferOf(1));
        protocol.Apply("CAN", new WalkAway());
        protocol.Status.Should().Be(NegotiationStatus.WalkedAway);
        protocol.Agreement.Should().BeNull();
        protocol.History[^1].Should().Be(new TurnRecord(1, 2, "CAN", MoveKind.WalkAway, null));
        FluentActions.Invoking(() => protocol.Apply("IDN", OfferOf(1))).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Termination_ends_an_active_negotiation_and_leaves_an_ended_one_alone()
    {
        var protocol = NewProtocol();
        protocol.Apply("IDN", OfferOf(1));
        protocol.Apply("CAN", OfferOf(0));
        protocol.Terminate();
        protocol.Status.Should().Be(NegotiationStatus.Terminated);
        protocol.Round.Should().Be(2, "round 2 was under way");
        FluentActions.Invoking(() => protocol.Apply("IDN", new Accept())).Should().Throw<InvalidOperationException>();

        var agreed = NewProtocol();
        agreed.Apply("IDN", OfferOf(1));
        agreed.Apply("CAN", new Accept());
        agreed.Terminate();
        agreed.Status.Should().Be(NegotiationStatus.Agreed);
    }

    [Fact]
    public void The_context_tells_time_and_the_standing_offer()
    {
        var protocol = NewProtocol();
        protocol.Apply("IDN", OfferOf(2));
        var context = protocol.ContextFor("CAN");
        context.Should().Be(new TurnContext(1, 6, Outcome.Of(2), "IDN", TurnPhase.Bargain, null, [new TurnRecord(1, 1, "IDN", MoveKind.Offer, Outcome.Of(2))]));
        context.Time.Should().BeApproximately(1.0 / 6, 1e-15);
        FluentActions.Invoking(() => protocol.ContextFor("USA")).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void The_set_up_is_checked()
    {
        FluentActions.Invoking(() => new AlternatingOffersProtocol("x", ["CAN", "IDN", "USA"], "CAN", 3)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new AlternatingOffersProtocol("x", ["CAN", "CAN"], "CAN", 3)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new AlternatingOffersProtocol("x", ["CAN", "IDN"], "USA", 3)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new AlternatingOffersProtocol("x", ["CAN", "IDN"], "CAN", 0)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(NegotiationStatus.Active, "active")]
    [InlineData(NegotiationStatus.Agreed, "agreed")]
    [InlineData(NegotiationStatus.Deadline, "deadline")]
    [InlineData(NegotiationStatus.WalkedAway, "walked_away")]
    [InlineData(NegotiationStatus.Terminated, "terminated")]
    [InlineData(NegotiationStatus.NotStarted, "not_started")]
    [InlineData(NegotiationStatus.Rejected, "rejected")]
    public void Statuses_are_written_snake_case(NegotiationStatus status, string json) =>
        JsonSerializer.Serialize(status).Should().Be($"\"{json}\"");
}
