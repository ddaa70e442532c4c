using Simulation.Model.Economics;
using Simulation.Model.Input;
using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios;
using Simulation.Model.Scenarios.Events;
using static Simulation.Model.Tests.Scenarios.LoaderAssertions;
using static Simulation.Model.Tests.Scenarios.ScenarioText;

namespace Simulation.Model.Tests.Scenarios;

/// <summary>
/// The conditions of <c>when:</c> beyond a negotiation's status (DESIGN §5.1): on an agreement's
/// tariff or quota, on the world's tariff in force and on the change of a country's exports; each
/// read into its trigger, and each kind of mistake reported with line, column, path and message.
/// Events are appended to <see cref="ScenarioText.Base"/> at line 18; CAN-IDN's issues are IDN's
/// canola-oil tariff on CAN and CAN's footwear tariff on IDN.
/// </summary>
public sealed class ConditionTests
{
    private const string Then = ", type: set-strategy, country: CAN, strategy: linear }";

    private static string WithEvents(params string[] events) => Base + "events:\n" + string.Concat(events.Select(e => e + "\n"));

    private static Scenario Load(string text) => ScenarioLoader.Parse(text, FileName);

    [Fact]
    public void Each_condition_is_read_into_its_trigger()
    {
        var scenario = Load(WithEvents(
            "  - { when: { negotiation: CAN-IDN, status: agreed, agreement: { importer: IDN, exporter: CAN, sector: canola_oil, below: 2.5 } }" + Then,
            "  - { when: { tariff: { importer: CAN, exporter: IDN, sector: footwear }, above: 25 }" + Then,
            "  - { when: { exports: { country: CAN, partner: IDN }, change_below: -0.05 }" + Then,
            "  - { when: { exports: { country: IDN, partner: CAN, sector: footwear }, change_above: 0.1 }" + Then));

        scenario.Events.Select(e => e.Trigger).Should().Equal(
            new AgreementTrigger("CAN-IDN", new TariffLine("IDN", "CAN", "canola_oil"), new Threshold("below", 2.5)),
            new TariffTrigger(new TariffLine("CAN", "IDN", "footwear"), new Threshold("above", 25)),
            new ExportsTrigger("CAN", "IDN", null, new Threshold("change_below", -0.05)),
            new ExportsTrigger("IDN", "CAN", "footwear", new Threshold("change_above", 0.1)));
    }

    [Fact]
    public void Conditions_say_themselves_as_written()
    {
        new AgreementTrigger("CAN-CHN", new TariffLine("CAN", "CHN", "vehicles"), new Threshold("below", 50)).Text
            .Should().Be("CAN-CHN agreed tariff CAN←CHN vehicles below 50");
        new AgreementTrigger("CAN-CHN", new TariffLine("CAN", "CHN", "vehicles"), new Threshold("quota_above", 49000)).Text
            .Should().Be("CAN-CHN agreed quota CAN←CHN vehicles above 49000");
        new TariffTrigger(new TariffLine("USA", "CAN", "steel"), new Threshold("above", 25)).Text.Should().Be("tariff USA←CAN steel above 25");
        new ExportsTrigger("CAN", "USA", null, new Threshold("change_below", -0.05)).Text.Should().Be("exports CAN→USA change below -0.05");
        new StatusTrigger("CAN-IDN", NegotiationStatus.WalkedAway).Text.Should().Be("CAN-IDN ended walked_away");
    }

    [Theory]
    [InlineData("below", 10, 9.99, true)]
    [InlineData("below", 10, 10, false)]
    [InlineData("above", 10, 10, false)]
    [InlineData("above", 10, 10.01, true)]
    [InlineData("change_below", -0.05, -0.05, false)]
    [InlineData("change_below", -0.05, -0.0501, true)]
    [InlineData("quota_above", 110, 110, false)]
    public void Bounds_are_strict(string key, double bound, double number, bool met) =>
        new Threshold(key, bound).IsMetBy(number).Should().Be(met);

    [Fact]
    public void A_line_that_is_not_an_issue_of_the_negotiation_is_refused()
    {
        var line = "  - { when: { negotiation: CAN-IDN, status: agreed, agreement: { importer: CAN, exporter: IDN, sector: canola_oil, below: 2 } }" + Then;

        SingleErrorOf(WithEvents(line)).Should().Be(new InputError(FileName, 19, ColumnOf(line, "{ importer: CAN"), "events[0].when.agreement",
            "CAN-IDN has no tariff or quota issue on importer CAN, exporter IDN, sector canola_oil: the agreement cannot set it"));
    }

    [Fact]
    public void A_quota_bound_needs_a_quota_issue_on_the_line()
    {
        var line = "  - { when: { negotiation: CAN-IDN, status: agreed, agreement: { importer: IDN, exporter: CAN, sector: canola_oil, quota_above: 10 } }" + Then;

        SingleErrorOf(WithEvents(line)).Message.Should().Be(
            "CAN-IDN has no quota issue on importer IDN, exporter CAN, sector canola_oil: the agreement cannot set it");
    }

    [Fact]
    public void A_condition_on_the_agreement_needs_status_agreed()
    {
        var line = "  - { when: { negotiation: CAN-IDN, status: deadline, agreement: { importer: IDN, exporter: CAN, sector: canola_oil, below: 2 } }" + Then;

        SingleErrorOf(WithEvents(line)).Should().Be(new InputError(FileName, 19, ColumnOf(line, "deadline"), "events[0].when.status",
            "a condition on the agreement needs status: agreed, not deadline: only an agreed negotiation has one"));
    }

    [Fact]
    public void Two_bounds_are_refused_at_the_second()
    {
        var line = "  - { when: { tariff: { importer: CAN, exporter: IDN, sector: footwear }, below: 10, above: 20 }" + Then;

        SingleErrorOf(WithEvents(line)).Should().Be(new InputError(FileName, 19, ColumnOf(line, "20"), "events[0].when.above",
            "a condition has one bound: below or above, not both below and above"));
    }

    [Fact]
    public void A_missing_bound_is_refused_naming_the_keys()
    {
        var line = "  - { when: { exports: { country: CAN, partner: IDN } }" + Then;

        SingleErrorOf(WithEvents(line)).Should().Be(new InputError(FileName, 19, ColumnOf(line, "{ exports"), "events[0].when",
            "a condition needs one bound: change_below or change_above"));
    }

    [Fact]
    public void A_tariff_condition_on_an_untraded_line_is_refused()
    {
        var line = "  - { when: { tariff: { importer: CAN, exporter: IDN, sector: canola_oil }, above: 5 }" + Then;

        SingleErrorOf(WithEvents(line)).Should().Be(new InputError(FileName, 19, ColumnOf(line, "{ importer"), "events[0].when.tariff",
            "no trade line (importer CAN, exporter IDN, sector canola_oil) in the trade data: a condition reads the tariff of a traded line"));
    }

    [Fact]
    public void Exports_that_do_not_exist_are_refused()
    {
        var line = "  - { when: { exports: { country: CAN, partner: IDN, sector: footwear }, change_below: -0.05 }" + Then;

        SingleErrorOf(WithEvents(line)).Message.Should().Be(
            "CAN exports nothing to IDN in footwear in the trade data: the condition reads the change of a traded value");
    }

    [Fact]
    public void A_change_written_as_a_percent_is_refused_with_the_reason()
    {
        var line = "  - { when: { exports: { country: CAN, partner: IDN }, change_above: 500 }" + Then;

        SingleErrorOf(WithEvents(line)).Should().Be(new InputError(FileName, 19, ColumnOf(line, "500"), "events[0].when.change_above",
            "must be a relative change from -1 to 100 (a fraction: -0.05 is a fall of 5%), got 500 (a change is a fraction of the base value, not a percent)"));
    }

    [Fact]
    public void A_misspelt_key_gets_a_suggestion()
    {
        var line = "  - { when: { tarif: { importer: CAN, exporter: IDN, sector: footwear }, above: 25 }" + Then;

        var errors = ErrorsOf(WithEvents(line));

        errors.Should().Contain(e => e.Path == "events[0].when.tarif" && e.Message.EndsWith("did you mean 'tariff'?", StringComparison.Ordinal));
        errors.Should().Contain(e => e.Path == "events[0].when" && e.Message.StartsWith("when: needs a condition, led by one of negotiation, tariff, exports", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_of_another_condition_is_refused_with_the_keys_of_this_one()
    {
        var line = "  - { when: { tariff: { importer: CAN, exporter: IDN, sector: footwear }, change_above: 0.1 }" + Then;

        ErrorsOf(WithEvents(line)).Should().Contain(new InputError(FileName, 19, ColumnOf(line, "change_above"), "events[0].when.change_above",
            "unknown key 'change_above' (expected one of: tariff, below, above)"));
    }

    [Fact]
    public void Two_conditions_in_one_when_are_refused()
    {
        var line = "  - { when: { tariff: { importer: CAN, exporter: IDN, sector: footwear }, above: 25, exports: { country: CAN, partner: IDN } }" + Then;

        SingleErrorOf(WithEvents(line)).Message.Should().Be("when: states one condition, led by one of negotiation, tariff, exports; here tariff and exports");
    }

    [Fact]
    public void Every_mistake_of_several_conditions_is_reported_at_once()
    {
        var errors = ErrorsOf(WithEvents(
            "  - { when: { tariff: { importer: CAN, exporter: IDN, sector: footwear }, above: -1 }" + Then,
            "  - { when: { exports: { country: USA, partner: IDN }, change_below: -0.05 }" + Then,
            "  - { when: { negotiation: CAN-IDN, status: agreed, agreement: { importer: IDN, exporter: CAN, sector: canola_oil } }" + Then));

        errors.Select(e => (e.Line, e.Path)).Should().Equal(
            (19, "events[0].when.above"), (20, "events[1].when.exports.country"), (21, "events[2].when.agreement"));
    }
}
