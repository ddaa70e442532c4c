using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios;
using static Simulation.Model.Tests.Scenarios.LoaderAssertions;

namespace Simulation.Model.Tests.Negotiation;

/// <summary>
/// A tariff-rate quota issue (<c>type: trq</c>, DESIGN §4.1 and §6.1) on the market of
/// tests/data/market-model-cases.csv case C: AAA buys 100 from BBB and 400 from ROW, both at 10%,
/// ε = σ = 1.5, infinite supply, ces. With σ = ε, BBB's quantity depends on its own tariff
/// equivalent τ only: q = 100 ((1 + τ)/1.1)^(−1.5), and ROW's stays 400. The quota is at 0% in
/// quota, 10% over it (the line's tariff), rent to the exporter BBB.
/// </summary>
public sealed class QuotaIssueTests
{
    private static string Text(string issue = "{ type: trq, importer: AAA, exporter: BBB, sector: goods, in_tariff: 0, rent: exporter, levels: [0, 110, 120] }") => $$"""
        name: Quota issue
        model: ces
        sectors:
          goods: { demand_elasticity: 1.5, substitution_elasticity: 1.5 }
          other: { demand_elasticity: 1.5, substitution_elasticity: 1.5 }
        countries:
          AAA: { name: A }
          BBB: { name: B, objective: welfare }
          ROW: { negotiates: false }
        trade:
          - { importer: AAA, exporter: BBB, sector: goods, value: 100, tariff: 10 }
          - { importer: AAA, exporter: ROW, sector: goods, value: 400, tariff: 10 }
          - { importer: BBB, exporter: AAA, sector: other, value: 60, tariff: 5 }
        negotiations:
          - id: AB
            parties: [AAA, BBB]
            issues:
              - { importer: BBB, exporter: AAA, sector: other, levels: [5, 0] }
              - {{issue}}
        """;

    [Fact]
    public void A_trq_issue_is_read_with_the_flows_tariff_as_over_quota_tariff()
    {
        var issue = ScenarioLoader.Parse(Text(), FileName).Negotiations[0].Issues[1];

        issue.Should().BeEquivalentTo(new QuotaIssueSpec("AAA", "BBB", "goods", 0, QuotaRentHolder.Exporter, [0, 110, 120], 10));
    }

    [Fact]
    public void Each_quota_level_is_worth_what_the_quota_does_to_each_party()
    {
        // Level 0 (volume 0): all of BBB's imports pay the over-quota 10%, as now: worth 0 to both.
        // Level 110: binding, q_BBB = 110, τ = 1.1 (100/110)^(2/3) − 1 = 3.228012%, rent 110 × 0.03228012
        //   = 3.550813 to BBB. AAA (mercantilist): −ΔM = −(110 − 100) = −10. BBB (welfare): its rent, 3.550813.
        // Level 120: not binding, BBB pays 0%: q = 100 · 1.1^1.5 = 115.368973; AAA: −15.368973; no rent.
        var scenario = ScenarioLoader.Parse(Text(), FileName);
        var agenda = TariffAgenda.For(scenario.Negotiations[0]);
        var values = agenda.ValuesFor([scenario.Country("AAA"), scenario.Country("BBB")], World.FromScenario(scenario), CesMarketModel.Instance);

        agenda.Space.Groups.Select(g => (g.Key, g.Size)).Should().Equal(("other", 2), ("goods", 3));
        values[0].Value(Outcome.Of(0, 0)).Should().BeApproximately(0, 1e-9);
        values[0].Value(Outcome.Of(0, 1)).Should().BeApproximately(-10, 1e-6);
        values[0].Value(Outcome.Of(0, 2)).Should().BeApproximately(-15.368973, 1e-6);
        values[1].Value(Outcome.Of(0, 0)).Should().BeApproximately(0, 1e-9);
        values[1].Value(Outcome.Of(0, 1)).Should().BeApproximately(3.550813, 1e-6);
        values[1].Value(Outcome.Of(0, 2)).Should().BeApproximately(0, 1e-9, "a quota that does not bind has no rent");
    }

    [Fact]
    public void Agreeing_on_a_quota_puts_it_on_the_world_and_describes_it_with_both_tariffs()
    {
        var scenario = ScenarioLoader.Parse(Text(), FileName);
        var agenda = TariffAgenda.For(scenario.Negotiations[0]);

        agenda.QuotaChangesOf(Outcome.Of(1, 1)).Should().Equal(
            new QuotaChange(new TariffLine("AAA", "BBB", "goods"), new TariffRateQuota(110, 0, QuotaRentHolder.Exporter)));
        agenda.ChangesOf(Outcome.Of(1, 1)).Should().Equal(new TariffChange(new TariffLine("BBB", "AAA", "other"), 0));
        agenda.Describe(Outcome.Of(1, 1)).Should().Equal(
            new TariffDescription("BBB", "AAA", "other", 0),
            new QuotaDescription("AAA", "BBB", "goods", 110, 0, 10));
    }

    [Fact]
    public void The_first_level_of_a_quota_on_a_flow_without_one_must_be_0()
    {
        var error = SingleErrorOf(Text("{ type: trq, importer: AAA, exporter: BBB, sector: goods, in_tariff: 0, rent: exporter, levels: [50, 110] }"));

        error.Line.Should().Be(19);
        error.Path.Should().Be("negotiations[0].issues[1].levels[0]");
        error.Message.Should().Be("the first level is the status quo and must be 0: trade[0] (line 11) has no quota; got 50");
    }

    [Fact]
    public void An_in_quota_tariff_above_the_flows_tariff_is_an_error()
    {
        var error = SingleErrorOf(Text("{ type: trq, importer: AAA, exporter: BBB, sector: goods, in_tariff: 12, rent: exporter, levels: [0, 110] }"));

        error.Path.Should().Be("negotiations[0].issues[1].in_tariff");
        error.Message.Should().Be("the in-quota tariff 12 is above the tariff of trade[0] (line 11), 10, which is the over-quota tariff");
    }

    [Fact]
    public void Every_mistake_of_a_trq_issue_is_reported_at_once()
    {
        var errors = ErrorsOf(Text("{ type: trq, importer: AAA, exporter: ROW, sector: goods, in_tariff: 0, rent: nobody, levels: [0, -1] }"));

        errors.Select(e => (e.Path, e.Message)).Should().BeEquivalentTo(new[]
        {
            ("negotiations[0].issues[1].exporter", "'ROW' is not a party of this negotiation (parties: AAA, BBB)"),
            ("negotiations[0].issues[1].rent", "rent 'nobody' is unknown (available: importer, exporter): who holds the quota rent"),
            ("negotiations[0].issues[1].levels[1]", errors.Single(e => e.Path.EndsWith("levels[1]", StringComparison.Ordinal)).Message),
        });
        errors.Should().OnlyContain(e => e.File == FileName && e.Line == 19);
    }

    [Fact]
    public void An_unknown_issue_type_is_an_error_at_the_type()
    {
        var error = SingleErrorOf(Text("{ type: quota, importer: AAA, exporter: BBB, sector: goods, in_tariff: 0, rent: exporter, levels: [0, 110] }"));

        error.Path.Should().Be("negotiations[0].issues[1].type");
        error.Message.Should().Be("issue type 'quota' is unknown (available: trq; a tariff issue has no type, a discrete issue has an id)");
    }

    [Fact]
    public void A_trq_issue_on_a_line_without_trade_is_an_error()
    {
        var error = SingleErrorOf(Text("{ type: trq, importer: BBB, exporter: AAA, sector: goods, in_tariff: 0, rent: importer, levels: [0, 10] }"));

        error.Path.Should().Be("negotiations[0].issues[1]");
        error.Message.Should().Be("no trade flow (importer BBB, exporter AAA, sector goods) in trade; a quota issue needs one, whose tariff is the over-quota tariff");
    }
}
