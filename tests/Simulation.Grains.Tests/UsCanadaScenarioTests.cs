using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;
using Simulation.Model.Runs;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>
/// The shipped <c>us-canada.yaml</c> tells the story of November 2025: the US's IEEPA and section 232
/// duties on Canada and Canada's remaining counter-tariffs are those of the reference data, and the
/// talks over them end when the US terminates them (the Ontario advertisement), changing nothing.
/// </summary>
public sealed class UsCanadaScenarioTests
{
    private const string File = "us-canada.yaml";
    private static readonly string Calibration = Path.Combine("calibration", "us-canada-2024.yaml");

    private static Scenario Load() => ScenarioLoader.LoadFile(RepositoryPaths.Scenario(File));

    private static double Tariff(Scenario scenario, string importer, string exporter, string sector) =>
        scenario.Trade.Single(f => f.Importer == importer && f.Exporter == exporter && f.Sector == sector).TariffPercent;

    [Fact]
    public void The_tariffs_in_force_are_those_of_November_2025_in_the_reference_data()
    {
        var scenario = Load();
        const string Late2025 = "tariff_late2025_pct";

        Tariff(scenario, "USA", "CAN", "other_goods_non_cusma").Should().Be(CanadaTradeData.Number(2, Late2025), "row 2: IEEPA 35% on goods not qualifying under CUSMA");
        Tariff(scenario, "USA", "CAN", "other_goods_cusma").Should().Be(0, "row 2: CUSMA-qualifying goods pay 0");
        Tariff(scenario, "USA", "CAN", "energy_potash_non_cusma").Should().Be(CanadaTradeData.Number(34, Late2025)).And.Be(CanadaTradeData.Number(35, Late2025), "rows 34-35: energy and potash 10%");
        Tariff(scenario, "USA", "CAN", "aluminum").Should().Be(CanadaTradeData.Number(32, Late2025), "row 32: s232 50%");
        Tariff(scenario, "USA", "CAN", "steel").Should().Be(CanadaTradeData.Number(33, Late2025), "row 33: s232 50%");
        Tariff(scenario, "USA", "CAN", "autos_dutiable").Should().Be(CanadaTradeData.Number(36, Late2025), "row 36: s232 25% on non-US content");
        Tariff(scenario, "USA", "CAN", "softwood_lumber").Should().Be(CanadaTradeData.Number(37, Late2025), "row 37: AD 20.56 + CVD 14.63 + s232 10");
        Tariff(scenario, "USA", "CAN", "softwood_lumber").Should().BeApproximately(20.56 + 14.63 + 10, 1e-9);
        Tariff(scenario, "USA", "CAN", "canola").Should().Be(CanadaTradeData.Number(21, Late2025), "row 21: CUSMA-qualifying");
        Tariff(scenario, "USA", "CAN", "lobster").Should().Be(CanadaTradeData.Number(27, Late2025), "row 27: CUSMA-qualifying");
        foreach (var sector in new[] { "steel", "aluminum", "autos_dutiable" })
        {
            Tariff(scenario, "CAN", "USA", sector).Should().Be(CanadaTradeData.Number(38, Late2025), $"row 38: Canada keeps its 25% on US {sector}");
        }

        scenario.Trade.Where(f => f.Importer == "CAN" && f.Exporter == "USA" && f.TariffPercent > 0).Select(f => f.Sector)
            .Should().BeEquivalentTo(["steel", "aluminum", "autos_dutiable"], "row 3: every other counter-tariff was repealed on 2025-09-01");
    }

    [Fact]
    public void The_calibration_world_has_the_tariffs_of_2024_in_the_reference_data()
    {
        var scenario = ScenarioLoader.LoadFile(RepositoryPaths.Scenario(Calibration));
        const string Before = "tariff_before_pct";

        Tariff(scenario, "USA", "CAN", "other_goods_non_cusma").Should().Be(CanadaTradeData.Number(2, Before), "row 2: no IEEPA duty before 2025");
        Tariff(scenario, "USA", "CAN", "energy_potash_non_cusma").Should().Be(CanadaTradeData.Number(34, Before)).And.Be(CanadaTradeData.Number(35, Before), "rows 34-35");
        Tariff(scenario, "USA", "CAN", "aluminum").Should().Be(CanadaTradeData.Number(32, Before), "row 32");
        Tariff(scenario, "USA", "CAN", "steel").Should().Be(CanadaTradeData.Number(33, Before), "row 33");
        Tariff(scenario, "USA", "CAN", "autos_dutiable").Should().Be(CanadaTradeData.Number(36, Before), "row 36");
        Tariff(scenario, "USA", "CAN", "softwood_lumber").Should().Be(CanadaTradeData.Number(37, Before), "row 37: AD 7.66 + CVD 6.74");
        Tariff(scenario, "USA", "CAN", "softwood_lumber").Should().BeApproximately(7.66 + 6.74, 1e-9);
        foreach (var sector in new[] { "steel", "aluminum", "autos_dutiable" })
        {
            Tariff(scenario, "CAN", "USA", sector).Should().Be(CanadaTradeData.Number(38, Before), $"row 38: no counter-tariff on US {sector} before 2025");
        }

        scenario.Trade.Where(f => f.Exporter == "CAN").Should().OnlyContain(f => f.TariffPercent == 0 || f.Sector == "softwood_lumber", "every other Canadian good entered the US duty free in 2024");
    }

    [Fact]
    public void The_2024_trade_of_the_calibration_world_adds_up_to_the_reference_totals_with_85_percent_of_other_goods_claiming_CUSMA()
    {
        var scenario = ScenarioLoader.LoadFile(RepositoryPaths.Scenario(Calibration));
        double Exports(string from, string to) => scenario.Trade.Where(f => f.Exporter == from && f.Importer == to).Sum(f => f.Value);

        // Rows 2-3 are in USD billions; the scenario is in USD millions.
        Exports("CAN", "USA").Should().BeApproximately(CanadaTradeData.Number(2, "trade_value") * 1000, 1e-6);
        Exports("USA", "CAN").Should().BeApproximately(CanadaTradeData.Number(3, "trade_value") * 1000, 1e-6);
        Exports("CAN", "USA").Should().BeApproximately(412_700, 1e-6);

        double Value(string sector) => scenario.Trade.Single(f => f.Importer == "USA" && f.Exporter == "CAN" && f.Sector == sector).Value;
        Value("aluminum").Should().Be(CanadaTradeData.Number(32, "trade_value") * 1000, "row 32");
        Value("canola").Should().Be(Math.Round(CanadaTradeData.Number(21, "trade_value") * 1000 / 1.37), "row 21, C$7.7bn at 1.37 C$ per US$");
        Value("lobster").Should().Be(Math.Round(CanadaTradeData.Number(27, "trade_value") * 1000 / 1.37), "row 27, C$1.9bn at 1.37 C$ per US$");
        (Value("other_goods_cusma") / (Value("other_goods_cusma") + Value("other_goods_non_cusma"))).Should().BeApproximately(0.85, 1e-5, "the CUSMA share, an estimate");
        (Value("energy_potash_cusma") / (Value("energy_potash_cusma") + Value("energy_potash_non_cusma"))).Should().BeApproximately(0.90, 1e-9);
    }

    [Fact]
    public async Task The_United_States_terminates_the_talks_at_round_12_and_Canada_s_counter_tariffs_stay_in_force()
    {
        var scenario = Load();

        var outcome = await InProcessRun.OutcomeAsync(scenario, System.IO.File.ReadAllText(RepositoryPaths.Scenario(File)), File, scenario.Seed);

        var talks = outcome.Negotiations.Single();
        talks.Id.Should().Be("USA-CAN");
        talks.Status.Should().Be(NegotiationStatus.Terminated);
        talks.Round.Should().Be(12, "the terminate event is at round 12 and the talks open at round 1");
        talks.Agreement.Should().BeNull();
        talks.Gain.Values.Should().AllSatisfy(g => g.Should().Be(0));
        outcome.Events.Should().Equal(new EventOutcome(12, "terminate", Negotiation: "USA-CAN", By: "USA"));
        outcome.RoundsPlayed.Should().Be(12);

        // Nothing changed the world: every tariff, the counter-tariffs among them, is as in November 2025.
        outcome.Countries.Should().AllSatisfy(c =>
        {
            c.ExportsChange.Should().Be(0);
            c.ImportsChange.Should().Be(0);
            c.Welfare.TariffRevenue.Should().Be(0);
        });
    }

    [Fact]
    public async Task Without_the_advertisement_the_talks_would_still_have_been_open_at_round_12()
    {
        // The same table without the terminate event: the talks go past round 12, so in the run the
        // termination, not the bargaining, ends them; as the independent replay finds too.
        var scenario = Load();
        scenario.Events.Should().ContainSingle();

        var outcome = await InProcessRun.OutcomeAsync(scenario with { Events = [] }, System.IO.File.ReadAllText(RepositoryPaths.Scenario(File)), File, scenario.Seed);
        var talks = outcome.Negotiations.Single();

        talks.Status.Should().NotBe(NegotiationStatus.Terminated);
        talks.Round.Should().BeGreaterThan(12);
        outcome.ShouldMatch(ReferenceRun.Play(scenario with { Events = [] }, scenario.Seed));
    }
}
