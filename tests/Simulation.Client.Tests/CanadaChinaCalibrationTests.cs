using System.Text.Json.Nodes;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>
/// scenarios/canada-china.yaml says where its trade values come from: the 2024 world of
/// scenarios/calibration/canada-china-2024.yaml, evaluated with the November 2025 tariffs by the
/// command in its opening comment, values rounded to 0.1 (0.01 below 10). This runs that command
/// and checks every trade and domestic value of the scenario (and of its grid variants) against it,
/// so the file cannot drift from its stated calibration.
/// </summary>
public sealed class CanadaChinaCalibrationTests
{
    [Theory]
    [InlineData("canada-china.yaml")]
    [InlineData("canada-china-grids/steps-25.yaml")]
    [InlineData("canada-china-grids/fine.yaml")]
    public Task The_november_2025_values_are_the_calibration_world_evaluated_at_the_november_2025_tariffs(string file) =>
        CalibrationCheck.ValuesAreTheCalibrationEvaluatedAsync(
            file, "canada-china-2024.yaml", 10, "the comment sets the nine lines China and Canada raised in 2024-25 and the over-quota tariff of Canada's 2025 steel quota");

    [Fact]
    public async Task The_January_2026_deal_would_be_a_loss_to_the_mercantilist_China_of_the_scenario_and_its_EV_quota_would_not_bind()
    {
        // The case study's back-test (docs/case-studies/canada-china.md): the deal (seed 15, meal and peas at MFN, EVs at 6.1 inside a quota
        // of the 2023 imports) evaluated on the November 2025 world.
        var result = await TradeSimProcess.RunAsync(
            "evaluate", RepositoryPaths.Scenario("canada-china.yaml"), "--format", "json",
            "--set", "CHN:CAN:canola_seed=15", "--set", "CHN:CAN:canola_meal=5", "--set", "CHN:CAN:dry_peas=5", "--set", "CAN:CHN:electric_vehicles=6.1");
        result.ExitCode.Should().Be(0, result.Stderr);
        var json = JsonNode.Parse(result.Stdout)!;

        double Objective(string country) =>
            json["countries"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == country)!["objective"]!["value"]!.GetValue<double>();
        Objective("CHN").Should().BeNegative("China, mercantilist, buys back more canola than it sells EVs, so it would not sign the deal");
        Objective("CAN").Should().BePositive();

        // A quota of C$2,200m (row 30's 2023 imports) at 6.1% binds only if Canada would buy more
        // than that quantity at 6.1%: quantity = value after ÷ world price.
        var chineseEvs = json["markets"]!.AsArray()
            .Single(m => m!["importer"]!.GetValue<string>() == "CAN" && m["sector"]!.GetValue<string>() == "electric_vehicles")!["suppliers"]!.AsArray()
            .Single(s => s!["exporter"]!.GetValue<string>() == "CHN")!;
        (chineseEvs["value_after"]!.GetValue<double>() / chineseEvs["world_price"]!.GetValue<double>())
            .Should().BeLessThan(CanadaTradeData.Number(30, "trade_value") * 1000);
    }
}
