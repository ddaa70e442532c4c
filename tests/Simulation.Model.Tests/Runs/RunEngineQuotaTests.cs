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
/// the world with AB's quota after it, and the final world carries the quota.
/// </summary>
public sealed class RunEngineQuotaTests
{
    private static readonly Scenario QuotaTables = ScenarioLoader.Parse(
        File.ReadAllText(RepositoryPaths.TestScenario("quota-two-tables.yaml")),
        "quota-two-tables.yaml");

    [Fact]
    public async Task An_agreed_quota_reprices_the_seats_at_a_table_still_open_over_its_market()
    {
        var result = await InProcessRun.PlayAsync(QuotaTables, QuotaTables.Seed);
        var ab = result.Negotiations.Single(n => n.Id == "AB");
        var ac = result.Negotiations.Single(n => n.Id == "AC");
        (ab.Status, ab.Round, ac.Status, ac.Round).Should().Be((NegotiationStatus.Agreed, 6, NegotiationStatus.Agreed, 18));

        // AB's agreement as the file reads it: quota level 1 (110 at 0%, rent to BBB), grain tariff 4%.
        var goods = new TariffLine("AAA", "BBB", "goods");
        ab.Agreement!.Levels.Should().Equal(1, 1);
        var quota = new QuotaChange(goods, new TariffRateQuota(110, 0, QuotaRentHolder.Exporter));

        // Fresh seats priced in each world, built here from the file's numbers, not by the engine.
        var before = NegotiationSeat.Take(QuotaTables, QuotaTables.Negotiation("AC"), "AAA", World.FromScenario(QuotaTables));
        var after = NegotiationSeat.Take(QuotaTables, QuotaTables.Negotiation("AC"), "AAA", World.FromScenario(QuotaTables).WithQuotas([quota]));

        var offers = ac.History.Where(t => t.Offer is not null).ToList();
        offers.Should().Contain(t => t.Round <= 6).And.Contain(t => t.Round > 6);
        foreach (var turn in offers)
        {
            var seat = turn.Round <= 6 ? before : after;
            turn.Utilities[0].Should().BeApproximately(seat.Preferences.Utility(turn.Offer!), 1e-12, $"AAA's utility at round {turn.Round} turn {turn.Turn}");
        }

        // The quota matters to AAA at AC: some offer it made is worth something else after AB.
        offers.Should().Contain(t => Math.Abs(before.Preferences.Utility(t.Offer!) - after.Preferences.Utility(t.Offer!)) > 1e-6);
    }

    [Fact]
    public async Task The_result_lists_the_agreed_quota_and_the_agreed_world_carries_it()
    {
        var result = await InProcessRun.PlayAsync(QuotaTables, QuotaTables.Seed);

        var goods = new TariffLine("AAA", "BBB", "goods");
        result.QuotaChanges.Should().Equal(new QuotaChange(goods, new TariffRateQuota(110, 0, QuotaRentHolder.Exporter)));
        // The quota leaves the line's tariff, 10% in the file, as the over-quota tariff.
        var world = AgreedWorld.Of(QuotaTables, result.TariffChanges, result.QuotaChanges);
        (world.QuotaOf(goods), world.TariffOf(goods)).Should().Be((new TariffRateQuota(110, 0, QuotaRentHolder.Exporter), 10.0));
        World.FromScenario(QuotaTables).QuotaOf(goods).Should().BeNull();
    }
}
