using Simulation.Model.Scenarios;
using static Simulation.Model.Tests.Scenarios.LoaderAssertions;

namespace Simulation.Model.Tests.Scenarios;

/// <summary>
/// Under a tariff-rate quota a line's tariff is the over-quota tariff, which cannot be below the
/// in-quota one (DESIGN §4.1). Every way a tariff can meet a quota on the same line is refused by the
/// loader, at the tariff, with the quota it meets: a tariff issue's level (explicit or from/to) or a
/// set-tariff event (one sector or "*") against a quota in trade or a quota issue of any negotiation.
/// Line 10 is the quota's flow (CAN imports footwear from IDN at 18%, in-quota 6%); line 11 the
/// flow without a quota (IDN's canola oil from CAN at 5%).
/// </summary>
public sealed class TariffBelowQuotaTests
{
    private const string Quota = "  - { importer: CAN, exporter: IDN, sector: footwear, value: 120, tariff: 18, quota: { volume: 50, in_quota_tariff: 6, rent: importer } }";

    private const string NoQuota = "  - { importer: CAN, exporter: IDN, sector: footwear, value: 120, tariff: 18 }";

    private static string Scenario(string footwearFlow, string footwearIssue, string otherIssue = "", params string[] events) =>
        "name: Quota floor\n" +                                                                            // 1
        "sectors:\n" +                                                                                     // 2
        "  canola_oil: { demand_elasticity: 1.2, substitution_elasticity: 6.6 }\n" +                       // 3
        "  footwear: { demand_elasticity: 1.5, substitution_elasticity: 4 }\n" +                           // 4
        "countries:\n" +                                                                                   // 5
        "  CAN: { name: Canada }\n" +                                                                      // 6
        "  IDN: { name: Indonesia }\n" +                                                                   // 7
        "  ROW: { negotiates: false }\n" +                                                                 // 8
        "trade:\n" +                                                                                       // 9
        footwearFlow + "\n" +                                                                              // 10
        "  - { importer: IDN, exporter: CAN, sector: canola_oil, value: 60, tariff: 5 }\n" +               // 11
        "negotiations:\n" +                                                                                // 12
        "  - id: CAN-IDN\n" +                                                                              // 13
        "    parties: [CAN, IDN]\n" +                                                                      // 14
        "    issues:\n" +                                                                                  // 15
        "      - { importer: IDN, exporter: CAN, sector: canola_oil, levels: [5, 0] }\n" +                 // 16
        footwearIssue + "\n" +                                                                             // 17
        otherIssue +                                                                                       // 18 (when given)
        (events.Length == 0 ? "" : "events:\n" + string.Concat(events.Select(e => $"  - {e}\n")));

    private static string Message(double tariff, string what, string quotaPath, int quotaLine, double inQuota = 6) =>
        $"{what} {tariff} on (importer CAN, exporter IDN, sector footwear) is below the in-quota tariff {inQuota} of the tariff-rate quota at {quotaPath} (line {quotaLine}); " +
        "under a quota the line's tariff is the over-quota tariff, which cannot be below the in-quota one";

    [Fact]
    public void Levels_and_events_at_or_above_the_in_quota_tariff_are_accepted()
    {
        var scenario = ScenarioLoader.Parse(
            Scenario(Quota, "      - { importer: CAN, exporter: IDN, sector: footwear, levels: [18, 12, 6] }", "",
                "{ round: 3, type: set-tariff, importer: CAN, exporter: IDN, sector: \"*\", tariff: 6 }"),
            FileName);

        scenario.Events.Should().ContainSingle();
    }

    [Fact]
    public void An_explicit_level_below_a_quota_in_trade_is_refused_at_that_level()
    {
        var error = SingleErrorOf(Scenario(Quota, "      - { importer: CAN, exporter: IDN, sector: footwear, levels: [18, 9, 3, 4] }"));

        (error.Line, error.Path).Should().Be((17, "negotiations[0].issues[1].levels[2]"));
        error.Message.Should().Be(Message(3, "the level", "trade[0].quota.in_quota_tariff", 10));
    }

    [Fact]
    public void A_from_to_range_ending_below_a_quota_in_trade_is_refused_at_to()
    {
        var error = SingleErrorOf(Scenario(Quota, "      - { importer: CAN, exporter: IDN, sector: footwear, from: 18, to: 0, steps: 3 }"));

        (error.Line, error.Path).Should().Be((17, "negotiations[0].issues[1].to"));
        error.Message.Should().Be(Message(0, "the level", "trade[0].quota.in_quota_tariff", 10));
    }

    [Fact]
    public void A_level_below_a_quota_issue_of_the_same_table_is_refused()
    {
        // No quota in trade: the quota issue's volume 0 is the status quo, but the table weighs every
        // combination, among them a quota of 40 at 6% beside a tariff of 2%.
        var error = SingleErrorOf(Scenario(NoQuota,
            "      - { importer: CAN, exporter: IDN, sector: footwear, levels: [18, 2] }",
            "      - { type: trq, importer: CAN, exporter: IDN, sector: footwear, in_tariff: 6, rent: exporter, levels: [0, 40] }\n"));

        (error.Line, error.Path).Should().Be((17, "negotiations[0].issues[1].levels[1]"));
        error.Message.Should().Be(Message(2, "the level", "negotiations[0].issues[2].in_tariff", 18));
    }

    [Fact]
    public void A_set_tariff_event_below_a_quota_in_trade_is_refused_for_one_sector_and_for_every_sector()
    {
        var errors = ErrorsOf(Scenario(Quota, "      - { importer: CAN, exporter: IDN, sector: footwear, levels: [18, 12] }", "",
            "{ round: 2, type: set-tariff, importer: CAN, exporter: IDN, sector: footwear, tariff: 5 }",
            "{ round: 4, type: set-tariff, importer: CAN, exporter: IDN, sector: \"*\", tariff: 0 }",
            "{ round: 5, type: set-tariff, importer: IDN, exporter: CAN, sector: \"*\", tariff: 0 }"));

        // Events start at line 19 (line 18 is "events:"); the third is on a line without a quota.
        errors.Select(e => (e.Line, e.Path, e.Message)).Should().Equal(
            (19, "events[0].tariff", Message(5, "the set-tariff event's tariff", "trade[0].quota.in_quota_tariff", 10)),
            (20, "events[1].tariff", Message(0, "the set-tariff event's tariff", "trade[0].quota.in_quota_tariff", 10)));
    }

    [Fact]
    public void A_set_tariff_event_below_a_quota_issue_is_refused()
    {
        var error = SingleErrorOf(Scenario(NoQuota,
            "      - { type: trq, importer: CAN, exporter: IDN, sector: footwear, in_tariff: 6, rent: exporter, levels: [0, 40] }", "",
            "{ when: { negotiation: CAN-IDN, status: agreed }, type: set-tariff, importer: CAN, exporter: IDN, sector: footwear, tariff: 4.5 }"));

        (error.Line, error.Path).Should().Be((19, "events[0].tariff"));
        error.Message.Should().Be(Message(4.5, "the set-tariff event's tariff", "negotiations[0].issues[1].in_tariff", 17));
    }

    [Fact]
    public void A_tariff_estimate_reaching_below_a_quota_in_trade_is_refused_at_its_low_end()
    {
        // batch --sensitivity draws the tariff from [4, 20], and 4 is below the in-quota 6.
        var flow = Quota.Replace("tariff: 18,", "tariff: 18, estimate: { tariff: { low: 4, high: 20 } },", StringComparison.Ordinal);
        var error = SingleErrorOf(Scenario(flow, "      - { importer: CAN, exporter: IDN, sector: footwear, levels: [18, 12] }"));

        (error.Line, error.Path).Should().Be((10, "trade[0].estimate.tariff.low"));
        error.Message.Should().Be(Message(4, "the low end of the tariff's estimate", "trade[0].quota.in_quota_tariff", 10));
    }

    [Fact]
    public void A_tariff_estimate_on_a_line_without_a_quota_in_trade_is_refused_below_a_quota_issue()
    {
        // No quota in trade, but the table's quota issue puts one at 6% on the line; batch
        // --sensitivity draws the tariff from [4, 20], and 4 is below it.
        var flow = NoQuota.Replace("tariff: 18 }", "tariff: 18, estimate: { tariff: { low: 4, high: 20 } } }", StringComparison.Ordinal);
        var error = SingleErrorOf(Scenario(flow,
            "      - { type: trq, importer: CAN, exporter: IDN, sector: footwear, in_tariff: 6, rent: exporter, levels: [0, 40] }"));

        (error.Line, error.Path).Should().Be((10, "trade[0].estimate.tariff.low"));
        error.Message.Should().Be(Message(4, "the low end of the tariff's estimate", "negotiations[0].issues[1].in_tariff", 17));
    }

    [Fact]
    public void A_tariff_estimate_within_the_floor_is_accepted()
    {
        var flow = Quota.Replace("tariff: 18,", "tariff: 18, estimate: { value: { low: 100, high: 140 }, tariff: { low: 6, high: 20 } },", StringComparison.Ordinal);

        var scenario = ScenarioLoader.Parse(Scenario(flow, "      - { importer: CAN, exporter: IDN, sector: footwear, levels: [18, 12] }"), FileName);

        scenario.Estimates.Select(e => e.Path).Should().Equal("trade[0].value", "trade[0].tariff");
    }
}
