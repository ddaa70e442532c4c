using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Runs;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Model.Tests.Runs;

/// <summary>
/// The run engine in process on tests/Simulation.Grains.Tests/Scenarios/quota-two-tables.yaml: AB
/// agrees a tariff-rate quota on AAA's goods imports from BBB (and a grain tariff) in round 6 while
/// AC goes on over AAA's goods market to round 18. AB changes no goods tariff, so only the quota can
/// move what AC is worth to AAA: its utilities at AC are those of the base world up to round 6 and of
/// the world with AB's quota after it, and the final world carries the quota. Expected utilities come
/// from <see cref="ReferenceAnalysis"/>, which values every outcome, quota volumes included, by solving
/// the whole world with it.
/// </summary>
public sealed class RunEngineQuotaTests
{
    private static readonly Scenario QuotaTables = ScenarioLoader.Parse(
        File.ReadAllText(RepositoryPaths.TestScenario("quota-two-tables.yaml")),
        "quota-two-tables.yaml");

    [Fact]
    public async Task An_agreed_quota_reprices_the_seats_at_a_table_still_open_over_its_market()
    {
        var result = await EngineRuns.PlayAsync(QuotaTables, QuotaTables.Seed);
        var ab = result.Negotiations.Single(n => n.Id == "AB");
        var ac = result.Negotiations.Single(n => n.Id == "AC");
        (ab.Status, ab.Round, ac.Status, ac.Round).Should().Be((NegotiationStatus.Agreed, 6, NegotiationStatus.Agreed, 18));

        // AB's agreement as the file reads it: quota level 1 (110 at 0%, rent to BBB), grain tariff 4%.
        var goods = new TariffLine("AAA", "BBB", "goods");
        ab.Agreement!.Levels.Should().Equal(1, 1);
        var quota = new QuotaChange(goods, new TariffRateQuota(110, 0, QuotaRentHolder.Exporter));

        // Both parties' utilities of every AC outcome, by brute force in each world (every outcome
        // solved with the whole world, normalised over the space): the base world up to round 6, the
        // world with AB's quota after it. No seat, agenda or value table of the engine.
        var acSpec = QuotaTables.Negotiation("AC");
        var before = ReferenceAnalysis.Of(QuotaTables, acSpec, World.FromScenario(QuotaTables), null).Outcomes;
        var after = ReferenceAnalysis.Of(QuotaTables, acSpec, World.FromScenario(QuotaTables).WithQuotas([quota]), null).Outcomes;

        var offers = ac.History.Where(t => t.Offer is not null).ToList();
        offers.Should().Contain(t => t.Round <= 6).And.Contain(t => t.Round > 6);
        foreach (var turn in offers)
        {
            var reference = (turn.Round <= 6 ? before : after)[IndexOf(acSpec, turn.Offer!)].Utilities;
            turn.Utilities.Should().HaveCount(2);
            turn.Utilities[0].Should().BeApproximately(reference[0], 1e-9, $"AAA's utility at round {turn.Round} turn {turn.Turn}");
            turn.Utilities[1].Should().BeApproximately(reference[1], 1e-9, $"CCC's utility at round {turn.Round} turn {turn.Turn}");
        }

        // The quota matters to AAA at AC: some offer it made is worth something else after AB.
        offers.Should().Contain(t => Math.Abs(before[IndexOf(acSpec, t.Offer!)].Utilities[0] - after[IndexOf(acSpec, t.Offer!)].Utilities[0]) > 1e-6);
    }

    [Fact]
    public async Task The_quota_table_values_its_offers_by_solving_the_world_with_each_quota()
    {
        var result = await EngineRuns.PlayAsync(QuotaTables, QuotaTables.Seed);
        var ab = result.Negotiations.Single(n => n.Id == "AB");

        // AB opens in the base world: each offer's quota volume (0, 110 or 130 at 0%, rent to BBB)
        // and grain tariff, applied to the base world and solved whole, valued against the base.
        var abSpec = QuotaTables.Negotiation("AB");
        var reference = ReferenceAnalysis.Of(QuotaTables, abSpec, World.FromScenario(QuotaTables), [110, 4]);
        var offers = ab.History.Where(t => t.Offer is not null).ToList();
        offers.Should().NotBeEmpty();
        foreach (var turn in offers)
        {
            var point = reference.Outcomes[IndexOf(abSpec, turn.Offer!)];
            turn.Utilities[0].Should().BeApproximately(point.Utilities[0], 1e-9, $"AAA's utility at round {turn.Round} turn {turn.Turn}");
            turn.Utilities[1].Should().BeApproximately(point.Utilities[1], 1e-9, $"BBB's utility at round {turn.Round} turn {turn.Turn}");
        }

        // The quota is on the table for a reason: the outcomes differing only in the quota volume are
        // not all worth the same to AAA (the quota lets BBB's goods in at 0% and hands BBB the rent).
        reference.Outcomes.Where(p => p.Tariffs[1] == 8).Select(p => p.Gains[0]).Distinct().Should().HaveCount(3);
        // The agreed outcome, quota 110 and grain 4%, gains BBB something (it accepted it).
        reference.Outcomes.Single(p => p.Tariffs.SequenceEqual([110.0, 4])).Gains[1].Should().BePositive();
    }

    [Fact]
    public async Task The_result_lists_the_agreed_quota_and_the_agreed_world_carries_it()
    {
        var result = await EngineRuns.PlayAsync(QuotaTables, QuotaTables.Seed);

        var goods = new TariffLine("AAA", "BBB", "goods");
        result.QuotaChanges.Should().Equal(new QuotaChange(goods, new TariffRateQuota(110, 0, QuotaRentHolder.Exporter)));
        // The quota leaves the line's tariff, 10% in the file, as the over-quota tariff.
        var world = AgreedWorld.Of(QuotaTables, result.TariffChanges, result.QuotaChanges);
        (world.QuotaOf(goods), world.TariffOf(goods)).Should().Be((new TariffRateQuota(110, 0, QuotaRentHolder.Exporter), 10.0));
        World.FromScenario(QuotaTables).QuotaOf(goods).Should().BeNull();
    }

    /// <summary>An outcome's place in the reference's list: the issues' levels in order, the last issue fastest.</summary>
    private static int IndexOf(NegotiationSpec negotiation, Outcome outcome) =>
        negotiation.Issues.Select((issue, i) => (issue.LevelCount, Level: outcome[i])).Aggregate(0, (index, x) => (index * x.LevelCount) + x.Level);
}
