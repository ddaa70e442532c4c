using Simulation.Model.Input;
using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios;
using Simulation.Model.Scenarios.Events;
using static Simulation.Model.Tests.Scenarios.LoaderAssertions;
using static Simulation.Model.Tests.Scenarios.ScenarioText;

namespace Simulation.Model.Tests.Scenarios;

/// <summary>
/// The <c>events:</c> section and <c>start:</c> on negotiations (DESIGN §5.1, §6.1): each event type
/// and trigger read into the scenario model, and each kind of mistake reported with its line,
/// column and path. Events are appended to <see cref="ScenarioText.Base"/> from line 18, after, where
/// needed, a second negotiation LATER between CAN and IDN declared start: deferred (lines 18–22).
/// </summary>
public sealed class EventTests
{
    /// <summary>Lines 18–22: a second negotiation between CAN and IDN, opened only by an event.</summary>
    private const string Deferred =
        "  - id: LATER\n" +
        "    parties: [CAN, IDN]\n" +
        "    start: deferred\n" +
        "    issues:\n" +
        "      - { importer: IDN, exporter: CAN, sector: canola_oil, levels: [5, 0] }\n";

    private const string StartLine = "  - { round: 2, type: start, negotiation: CAN-IDN }";

    private const string RoundZeroLine = "  - { round: 0, type: set-strategy, country: CAN, strategy: linear }";

    private const string UnknownNegotiationLine = "  - { when: { negotiation: CAN-IDM, status: agreed }, type: set-strategy, country: CAN, strategy: linear }";

    private const string NonPartyLine = "  - { round: 2, type: terminate, negotiation: CAN-IDN, by: ROW }";

    private const string UnknownCountryLine = "  - { round: 2, type: set-strategy, country: USA, strategy: linear }";

    private const string MissingLine = "  - { round: 2, type: set-tariff, importer: CAN, exporter: IDN, sector: canola_oil, tariff: 50 }";

    private const string UnknownPartnerLine = "  - { round: 2, type: set-weights, country: CAN, partner_weights: { USA: 1 } }";

    private const string BothTriggersLine = "  - { round: 2, when: { negotiation: CAN-IDN, status: agreed }, type: set-strategy, country: CAN, strategy: linear }";

    private static string WithEvents(params string[] events) => Base + "events:\n" + string.Concat(events.Select(e => e + "\n"));

    private static string WithDeferredAndEvents(params string[] events) => Base + Deferred + "events:\n" + string.Concat(events.Select(e => e + "\n"));

    private static Scenario Load(string text) => ScenarioLoader.Parse(text, FileName);

    [Fact]
    public void A_scenario_without_events_has_none_and_its_negotiations_start_in_round_1()
    {
        var scenario = Load(Base);

        scenario.Events.Should().BeEmpty();
        scenario.Negotiations.Single().Start.Should().Be(NegotiationStart.FirstRound);
        scenario.Negotiations.Single().Start.Round.Should().Be(1);
    }

    [Fact]
    public void Every_event_type_and_both_triggers_are_read_in_file_order()
    {
        var scenario = Load(WithDeferredAndEvents(
            "  - { round: 3, type: set-tariff, importer: IDN, exporter: CAN, sector: '*', tariff: 35 }",
            "  - { round: 4, type: set-tariff, importer: CAN, exporter: IDN, sector: footwear, tariff: 0 }",
            "  - { when: { negotiation: CAN-IDN, status: agreed }, type: start, negotiation: LATER }",
            "  - { when: { negotiation: LATER, status: walked_away }, type: terminate, negotiation: CAN-IDN, by: IDN }",
            "  - { round: 7, type: set-strategy, country: CAN, strategy: boulware }",
            "  - { round: 8, type: set-weights, country: CAN, lobby_weights: { footwear: 0.5 }, partner_weights: { IDN: 2 } }",
            "  - { round: 9, type: set-weights, country: IDN, partner_weights: { CAN: 0.8 } }"));

        scenario.Events.Should().HaveCount(7);
        scenario.Events[0].Should().Be(new SetTariffEvent(new RoundTrigger(3), "IDN", "CAN", null, 35));
        scenario.Events[1].Should().Be(new SetTariffEvent(new RoundTrigger(4), "CAN", "IDN", "footwear", 0));
        scenario.Events[2].Should().Be(new StartEvent(new StatusTrigger("CAN-IDN", NegotiationStatus.Agreed), "LATER"));
        scenario.Events[3].Should().Be(new TerminateEvent(new StatusTrigger("LATER", NegotiationStatus.WalkedAway), "CAN-IDN", "IDN"));
        scenario.Events[4].Should().Be(new SetStrategyEvent(new RoundTrigger(7), "CAN", StrategySpec.Presets["boulware"].Strategy));
        var weights = (SetWeightsEvent)scenario.Events[5];
        weights.Country.Should().Be("CAN");
        weights.LobbyWeights.Should().Equal(new Dictionary<string, double> { ["footwear"] = 0.5 });
        weights.PartnerWeights.Should().Equal(new Dictionary<string, double> { ["IDN"] = 2 });
        var partnersOnly = (SetWeightsEvent)scenario.Events[6];
        partnersOnly.LobbyWeights.Should().BeNull("it leaves CAN's lobby weights as they are");
        partnersOnly.PartnerWeights.Should().Equal(new Dictionary<string, double> { ["CAN"] = 0.8 });
        scenario.Events.Select(e => e.Type).Should().Equal("set-tariff", "set-tariff", "start", "terminate", "set-strategy", "set-weights", "set-weights");
        scenario.Negotiation("LATER").Start.IsDeferred.Should().BeTrue();
    }

    [Theory]
    [InlineData("agreed", NegotiationStatus.Agreed)]
    [InlineData("deadline", NegotiationStatus.Deadline)]
    [InlineData("terminated", NegotiationStatus.Terminated)]
    [InlineData("walked_away", NegotiationStatus.WalkedAway)]
    [InlineData("rejected", NegotiationStatus.Rejected)]
    public void Every_end_status_can_trigger_an_event(string status, NegotiationStatus expected)
    {
        var scenario = Load(WithEvents($"  - {{ when: {{ negotiation: CAN-IDN, status: {status} }}, type: set-strategy, country: IDN, strategy: conceder }}"));

        scenario.Events.Single().Trigger.Should().Be(new StatusTrigger("CAN-IDN", expected));
    }

    [Fact]
    public void A_set_strategy_event_reads_a_strategy_map_as_a_country_does()
    {
        var scenario = Load(WithEvents("  - { round: 2, type: set-strategy, country: IDN, strategy: { type: time-dependent, e: 0.5 } }"));
        var country = Load(WithLine(7, "  IDN: { name: Indonesia, strategy: { type: time-dependent, e: 0.5 } }")).Country("IDN");

        ((SetStrategyEvent)scenario.Events.Single()).Strategy.Should().Be(country.Strategy);
    }

    [Fact]
    public void Start_n_opens_a_negotiation_at_that_round_without_an_event()
    {
        var scenario = Load(WithLine(14, "    parties: [CAN, IDN]\n    start: 5"));

        scenario.Negotiations.Single().Start.Should().Be(new NegotiationStart(5));
        scenario.Negotiations.Single().Start.IsDeferred.Should().BeFalse();
    }

    [Theory]
    [InlineData("0", "must be an integer from 1 to 100000, got 0")]
    [InlineData("later", "start must be 'deferred' or a round number from 1 to 100000, got 'later'")]
    [InlineData("2.5", "expected an integer, got 2.5")]
    public void A_bad_start_is_reported_at_it(string start, string message)
    {
        var error = SingleErrorOf(WithLine(14, $"    parties: [CAN, IDN]\n    start: {start}"));

        error.Should().Be(new InputError(FileName, 15, 12, "negotiations[0].start", message));
    }

    [Fact]
    public void A_deferred_negotiation_no_event_starts_is_an_error()
    {
        var error = SingleErrorOf(Base + Deferred);

        error.Should().Be(new InputError(FileName, 20, 12, "negotiations[1].start",
            "negotiation 'LATER' is declared start: deferred but no event starts it; add an event of type start naming it, or give start a round"));
    }

    [Fact]
    public void Starting_a_negotiation_not_declared_deferred_is_an_error()
    {
        var error = SingleErrorOf(WithEvents(StartLine));

        error.Should().Be(new InputError(FileName, 19, ColumnOf(StartLine, "CAN-IDN"), "events[0].negotiation",
            "negotiation 'CAN-IDN' is not declared start: deferred, so it starts on its own and no event can start it"));
    }

    [Fact]
    public void Round_0_is_refused()
    {
        var error = SingleErrorOf(WithEvents(RoundZeroLine));

        error.Should().Be(new InputError(FileName, 19, ColumnOf(RoundZeroLine, "0"), "events[0].round", "must be an integer from 1 to 100000, got 0"));
    }

    [Fact]
    public void An_unknown_status_is_refused_with_a_suggestion()
    {
        var error = SingleErrorOf(WithEvents("  - { when: { negotiation: CAN-IDN, status: agred }, type: set-strategy, country: CAN, strategy: linear }"));

        error.Path.Should().Be("events[0].when.status");
        error.Line.Should().Be(19);
        error.Message.Should().Be("status 'agred' is not one a negotiation ends with (available: agreed, deadline, terminated, walked_away, rejected); did you mean 'agreed'?");
    }

    [Fact]
    public void Active_is_not_a_status_an_event_can_wait_for()
    {
        SingleErrorOf(WithEvents("  - { when: { negotiation: CAN-IDN, status: active }, type: set-strategy, country: CAN, strategy: linear }"))
            .Path.Should().Be("events[0].when.status");
    }

    [Fact]
    public void An_unknown_negotiation_is_refused_with_a_suggestion()
    {
        var error = SingleErrorOf(WithEvents(UnknownNegotiationLine));

        error.Should().Be(new InputError(FileName, 19, ColumnOf(UnknownNegotiationLine, "CAN-IDM"), "events[0].when.negotiation",
            "unknown negotiation 'CAN-IDM' (declared: CAN-IDN); did you mean 'CAN-IDN'?"));
    }

    [Fact]
    public void Terminate_by_a_country_not_at_the_table_is_refused()
    {
        var error = SingleErrorOf(WithEvents(NonPartyLine));

        error.Should().Be(new InputError(FileName, 19, ColumnOf(NonPartyLine, "ROW"), "events[0].by",
            "'ROW' is not a party of negotiation 'CAN-IDN' (parties: CAN, IDN); only a party can terminate it"));
    }

    [Fact]
    public void An_unknown_country_is_refused()
    {
        var error = SingleErrorOf(WithEvents(UnknownCountryLine));

        error.Should().Be(new InputError(FileName, 19, ColumnOf(UnknownCountryLine, "USA"), "events[0].country", "unknown country 'USA' (declared: CAN, IDN, ROW)"));
    }

    [Fact]
    public void An_unknown_sector_is_refused()
    {
        var error = SingleErrorOf(WithEvents("  - { round: 2, type: set-tariff, importer: IDN, exporter: CAN, sector: pork, tariff: 50 }"));

        error.Path.Should().Be("events[0].sector");
        error.Message.Should().Be("unknown sector 'pork' (declared: canola_oil, footwear)");
    }

    [Fact]
    public void A_tariff_on_a_line_the_trade_data_lacks_is_refused()
    {
        // IDN exports no canola oil to CAN in the base scenario (only footwear goes that way).
        var error = SingleErrorOf(WithEvents(MissingLine));

        error.Should().Be(new InputError(FileName, 19, ColumnOf(MissingLine, "canola_oil"), "events[0].sector",
            "no trade line (importer CAN, exporter IDN, sector canola_oil) in the trade data for this tariff to apply to"));
    }

    [Fact]
    public void A_tariff_on_all_sectors_needs_at_least_one_line_between_the_two()
    {
        var error = SingleErrorOf(WithEvents("  - { round: 2, type: set-tariff, importer: ROW, exporter: CAN, sector: '*', tariff: 50 }"));

        error.Message.Should().Be("no trade line (importer ROW, exporter CAN, any sector) in the trade data for this tariff to apply to");
    }

    [Fact]
    public void A_tariff_out_of_range_is_refused()
    {
        SingleErrorOf(WithEvents("  - { round: 2, type: set-tariff, importer: IDN, exporter: CAN, sector: canola_oil, tariff: -1 }"))
            .Path.Should().Be("events[0].tariff");
    }

    [Fact]
    public void An_unknown_type_is_refused_with_a_suggestion()
    {
        var error = SingleErrorOf(WithEvents("  - { round: 2, type: set-tarif, importer: IDN, exporter: CAN, sector: canola_oil, tariff: 0 }"));

        error.Path.Should().Be("events[0].type");
        error.Message.Should().Be("event type 'set-tarif' is unknown (available: terminate, set-tariff, start, set-strategy, set-weights); did you mean 'set-tariff'?");
    }

    [Fact]
    public void A_key_of_another_event_type_is_refused()
    {
        var error = SingleErrorOf(WithEvents("  - { round: 2, type: set-strategy, country: CAN, strategy: linear, tariff: 5 }"));

        error.Path.Should().Be("events[0].tariff");
        error.Message.Should().StartWith("unknown key 'tariff' (expected one of: round, when, type, country, strategy)");
    }

    [Fact]
    public void An_event_needs_exactly_one_trigger()
    {
        SingleErrorOf(WithEvents("  - { type: set-strategy, country: CAN, strategy: linear }")).Message
            .Should().StartWith("an event needs a trigger");
        SingleErrorOf(WithEvents(BothTriggersLine))
            .Should().Be(new InputError(FileName, 19, ColumnOf(BothTriggersLine, "2"), "events[0].round", "an event has one trigger: round or when, not both"));
    }

    [Fact]
    public void Set_weights_with_no_weights_or_unknown_names_is_refused()
    {
        SingleErrorOf(WithEvents("  - { round: 2, type: set-weights, country: CAN }")).Message
            .Should().Be("a set-weights event sets lobby_weights, partner_weights or both; it has neither");
        SingleErrorOf(WithEvents(UnknownPartnerLine))
            .Should().Be(new InputError(FileName, 19, ColumnOf(UnknownPartnerLine, "USA"), "events[0].partner_weights.USA", "unknown country 'USA' (declared: CAN, IDN, ROW)"));
        SingleErrorOf(WithEvents("  - { round: 2, type: set-weights, country: CAN, lobby_weights: { pork: 1 } }"))
            .Path.Should().Be("events[0].lobby_weights.pork");
    }

    [Fact]
    public void A_bad_strategy_in_an_event_is_refused_as_a_countrys_would_be()
    {
        var error = SingleErrorOf(WithEvents("  - { round: 2, type: set-strategy, country: CAN, strategy: bouldware }"));

        error.Path.Should().Be("events[0].strategy");
        error.Message.Should().EndWith("did you mean 'boulware'?");
    }

    [Fact]
    public void Every_mistake_in_the_events_is_reported_at_once()
    {
        var errors = ErrorsOf(WithEvents(
            "  - { round: 0, type: set-strategy, country: CAN, strategy: linear }",
            "  - { round: 2, type: start, negotiation: CAN-IDN }",
            "  - { round: 2, type: terminate, negotiation: NOPE, by: CAN }"));

        errors.Select(e => e.Path).Should().Equal("events[0].round", "events[1].negotiation", "events[2].negotiation");
    }
}
