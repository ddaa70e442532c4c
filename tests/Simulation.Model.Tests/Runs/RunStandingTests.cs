using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;
using Simulation.Model.Runs;
using Simulation.Model.Runs.Journal;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Model.Tests.Runs;

/// <summary>
/// Where a run stands, folded from a hand-written sequence of events on the Canada–Indonesia
/// scenario (one negotiation, CAN-IDN, parties CAN and IDN, a 20-round deadline in the file). Every
/// expected value is read off the events written here.
/// </summary>
public sealed class RunStandingTests
{
    private static readonly Scenario CanadaIndonesia = ScenarioLoader.LoadFile(RepositoryPaths.Scenario("canada-indonesia.yaml"));

    private static readonly IReadOnlyList<OutcomeEntry> CanadasOffer =
        [OutcomeEntry.ForTariff("IDN", "CAN", "beef", 0), OutcomeEntry.ForTariff("CAN", "IDN", "footwear", 18)];

    private static readonly IReadOnlyList<OutcomeEntry> IndonesiasOffer =
        [OutcomeEntry.ForTariff("IDN", "CAN", "beef", 2.5), OutcomeEntry.ForTariff("CAN", "IDN", "footwear", 9)];

    private static TurnTaken Turn(int round, int turn, string party, MoveKind move, int[] levels, IReadOnlyList<OutcomeEntry> outcome, double can, double idn) =>
        new(round, "CAN-IDN", round, turn, party, move, levels, outcome, new Dictionary<string, double> { ["CAN"] = can, ["IDN"] = idn });

    [Fact]
    public void Before_anything_opens_every_negotiation_of_the_scenario_is_listed_not_started_with_its_deadline()
    {
        var standing = new RunStanding(CanadaIndonesia);

        standing.Negotiations.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new NegotiationStanding("CAN-IDN", NegotiationStatus.NotStarted, ["CAN", "IDN"], 0, 20, [], null, [], []));
        (standing.Round, standing.Events, standing.Ended).Should().Be((0, 0L, false));
    }

    [Fact]
    public void Offers_stand_until_accepted_and_an_acceptance_keeps_the_offer_s_maker()
    {
        var standing = new RunStanding(CanadaIndonesia);
        RunEvent[] events =
        [
            new RunStarted(CanadaIndonesia.Name, "00", 7),
            new NegotiationOpened(1, "CAN-IDN", ["CAN", "IDN"], "alternating-offers", 20),
            Turn(1, 1, "CAN", MoveKind.Offer, [2, 0], CanadasOffer, 0.9, 0.2),
            Turn(1, 2, "IDN", MoveKind.Offer, [1, 1], IndonesiasOffer, 0.4, 0.8),
            new RoundCompleted(1, 1, 20),
        ];
        foreach (var e in events)
        {
            standing.Apply(e);
        }

        var table = standing.Negotiation("CAN-IDN");
        (table.Status, table.RoundsPlayed, table.Deadline).Should().Be((NegotiationStatus.Active, 1, 20));
        table.StandingOffer.Should().Equal("IDN:CAN:beef=2.5", "CAN:IDN:footwear=9");
        table.OfferedBy.Should().Be("IDN");
        table.Utilities.Should().Equal(0.4, 0.8);
        (standing.Round, standing.Horizon, standing.ActiveNegotiations, standing.Events).Should().Be((1, 20, 1, 5L));

        standing.Apply(Turn(2, 3, "CAN", MoveKind.Accept, [1, 1], IndonesiasOffer, 0.4, 0.8));
        var change = new TariffChange(new TariffLine("IDN", "CAN", "beef"), 2.5);
        standing.Apply(new WorldChanged(2, "CAN-IDN", null, [change], []));
        standing.Apply(new RoundCompleted(2, 0, 2));
        standing.Apply(new RunEnded(2));

        table = standing.Negotiation("CAN-IDN");
        table.OfferedBy.Should().Be("IDN", "Canada accepted Indonesia's offer; it did not make it");
        table.Turns.Select(t => (t.Party, t.Move)).Should().Equal(("CAN", MoveKind.Offer), ("IDN", MoveKind.Offer), ("CAN", MoveKind.Accept));
        standing.TariffChanges.Should().Equal(change);
        standing.Ended.Should().BeTrue();
    }

    [Fact]
    public void An_ended_negotiation_takes_its_status_and_rounds_from_its_end_and_events_are_worded_with_their_round()
    {
        var standing = new RunStanding(CanadaIndonesia);
        standing.Apply(new NegotiationOpened(1, "CAN-IDN", ["CAN", "IDN"], "alternating-offers", 20));
        standing.Apply(new RoundCompleted(1, 1, 20));
        standing.Apply(new RoundCompleted(2, 1, 20));
        standing.Negotiation("CAN-IDN").RoundsPlayed.Should().Be(2);

        standing.Apply(new EventApplied(3, 0, new EventOutcome(3, "terminate", Negotiation: "CAN-IDN", By: "IDN")));
        standing.Apply(new EventApplied(3, 1, new EventOutcome(3, "set-tariff", Importer: "CAN", Exporter: "IDN", Sector: "*", Tariff: 25, Sectors: ["footwear", "tyres"])));
        standing.Apply(new NegotiationEnded(3, "CAN-IDN", NegotiationStatus.Terminated, 2, null, null,
            new Dictionary<string, double>(), new Dictionary<string, double>(), new Dictionary<string, double>(), null!));
        standing.Apply(new RoundCompleted(3, 0, 3));

        (standing.Negotiation("CAN-IDN").Status, standing.Negotiation("CAN-IDN").RoundsPlayed).Should().Be((NegotiationStatus.Terminated, 2));
        standing.EventsFired.Should().Equal("round 3: IDN ends CAN-IDN", "round 3: tariffs set: CAN:IDN:footwear=25; CAN:IDN:tyres=25");
    }
}
