using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Runs;

namespace Simulation.Grains.Tests;

/// <summary>
/// The model's values travel between silos through the surrogates of the contracts' <c>Wire/</c>:
/// each is written with the serializer a silo uses and read back, and must come back equal to what
/// was sent (the expected value is the value itself, built by hand here, never by the converters).
/// </summary>
public sealed class WireSurrogateTests
{
    private static readonly Serializer s_serializer = new ServiceCollection()
        .AddSerializer()
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    private static T RoundTrip<T>(T value) => s_serializer.Deserialize<T>(s_serializer.SerializeToArray(value))!;

    public static TheoryData<NegotiationAction> Moves => new()
    {
        new Offer(Outcome.Of(2, 0, 1)),
        new Accept(),
        new Reject(),
        new Vote(),
        new Veto(),
        new WalkAway(),
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void Every_move_travels_as_itself(NegotiationAction move)
    {
        var back = RoundTrip(move);

        back.Should().Be(move).And.BeOfType(move.GetType());
    }

    [Fact]
    public void The_moves_of_the_test_are_the_model_s_whole_closed_set()
    {
        var closedSet = typeof(NegotiationAction).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(NegotiationAction)) && !t.IsAbstract)
            .Select(t => t.Name);

        closedSet.Should().BeEquivalentTo(Moves.Select((object[] row) => row[0].GetType().Name));
    }

    [Fact]
    public void A_move_is_named_on_the_wire_by_its_alias_not_by_its_assembly_and_class()
    {
        var bytes = s_serializer.SerializeToArray<NegotiationAction>(new Veto());
        var text = Encoding.UTF8.GetString(bytes);

        text.Should().Contain("tradesim.Veto").And.NotContain("Simulation.Model");
    }

    [Fact]
    public void An_outcome_keeps_its_levels_in_order()
    {
        RoundTrip(Outcome.Of(3, 0, 0, 7)).Levels.Should().Equal(3, 0, 0, 7);
    }

    [Fact]
    public void A_turn_context_with_moves_since_travels_and_comes_back_equal()
    {
        var context = new TurnContext(7, 12, Outcome.Of(1, 1), "mediator", TurnPhase.Vote, Outcome.Of(1, 0),
        [
            new TurnRecord(3, 6, "IDN", MoveKind.Veto, Outcome.Of(1, 1)),
            new TurnRecord(3, 7, "PHL", MoveKind.WalkAway, null),
        ]);

        RoundTrip(context).Should().Be(context);
    }

    [Fact]
    public void A_first_turn_with_nothing_on_the_table_travels_too()
    {
        var context = new TurnContext(0, 10, null, null);

        var back = RoundTrip(context);

        back.Should().Be(context);
        back.Moves.Should().BeEmpty();
    }

    [Fact]
    public void A_round_report_with_its_turns_and_status_travels()
    {
        var report = new RoundReport("CAN-IDN", NegotiationStatus.Agreed, 4, Outcome.Of(2, 1), 7,
        [
            new TurnRecord(4, 7, "CAN", MoveKind.Offer, Outcome.Of(2, 1)),
            new TurnRecord(4, 8, "IDN", MoveKind.Accept, Outcome.Of(2, 1)),
        ]);

        var back = RoundTrip(report);

        back.Should().BeEquivalentTo(report);
        back.Status.Should().Be(NegotiationStatus.Agreed);
        back.Turns.Should().Equal(report.Turns);
    }

    [Theory]
    [InlineData(NegotiationStatus.Active)]
    [InlineData(NegotiationStatus.WalkedAway)]
    [InlineData(NegotiationStatus.Rejected)]
    public void A_report_without_an_agreement_keeps_its_status(NegotiationStatus status)
    {
        var back = RoundTrip(new RoundReport("N", status, 2, null, null, []));

        back.Status.Should().Be(status);
        back.Agreement.Should().BeNull();
        back.AgreedOfferTurn.Should().BeNull();
        back.Turns.Should().BeEmpty();
    }

    [Fact]
    public void Tariff_and_quota_changes_travel_in_a_list_with_their_lines()
    {
        IReadOnlyList<TariffChange> tariffs = [new(new TariffLine("IDN", "CAN", "canola"), 2.5)];
        IReadOnlyList<QuotaChange> quotas =
        [
            new(new TariffLine("CAN", "IDN", "palm_oil"), new TariffRateQuota(120.5, 0, QuotaRentHolder.Exporter)),
            new(new TariffLine("CAN", "IDN", "rubber"), null),
        ];

        RoundTrip(tariffs).Should().Equal(tariffs);
        RoundTrip(quotas).Should().Equal(quotas);
    }

    [Fact]
    public void A_seat_assessment_travels()
    {
        var assessment = new SeatAssessment(0.62, 0.4, 13.25);

        RoundTrip(assessment).Should().Be(assessment);
    }
}
