using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;
using Simulation.Model.Runs;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>
/// The shipped <c>canada-indonesia.yaml</c> (November 2025: the CEPA signed, not in force) reaches an
/// agreement, the independent brute-force replay's, and its case study (docs/case-studies/canada-indonesia.md)
/// compares it with the signed deal:
/// the share of Canada's exports to Indonesia that enters duty-free, and the share of Canada's lines
/// it frees, both computed here by hand from the file's values.
/// </summary>
public sealed class CanadaIndonesiaScenarioTests
{
    private const string File = "canada-indonesia.yaml";

    [Fact]
    public async Task The_CEPA_table_agrees_as_the_independent_replay_does()
    {
        var text = System.IO.File.ReadAllText(RepositoryPaths.Scenario(File));
        var scenario = ScenarioLoader.Parse(text, File);

        var outcome = await InProcessRun.OutcomeAsync(scenario, text, File, scenario.Seed);

        outcome.Negotiations.Single().Status.Should().Be(NegotiationStatus.Agreed);
        outcome.ShouldMatch(ReferenceRun.Play(scenario, scenario.Seed));

        // The case study quotes the round and the gains.
        var caseStudy = Documentation.ReadFlat("case-studies/canada-indonesia.md");
        var gain = outcome.Negotiations.Single().Gain;
        var quoted = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"It agrees in round {outcome.Negotiations.Single().Round} of 20");
        caseStudy.Contains(quoted, StringComparison.Ordinal).Should().BeTrue(quoted);
        quoted = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Canada gains {gain["CAN"]:N2} and Indonesia {gain["IDN"]:N2}");
        caseStudy.Contains(quoted, StringComparison.Ordinal).Should().BeTrue(quoted);
    }

    [Fact]
    public async Task The_agreement_leaves_98_percent_of_Canada_s_exports_to_Indonesia_duty_free_and_frees_none_of_Canada_s_dutiable_lines()
    {
        // The run's agreement, which the test above finds equal to the independent replay's.
        var text = System.IO.File.ReadAllText(RepositoryPaths.Scenario(File));
        var scenario = ScenarioLoader.Parse(text, File);
        var outcome = await InProcessRun.OutcomeAsync(scenario, text, File, scenario.Seed);
        var agreed = outcome.Negotiations.Single().Agreement!.Select(a => a.Tariff!.Value).ToList();
        var issues = scenario.Negotiations.Single().Issues.Cast<TariffIssueSpec>().ToList();
        double After(TradeFlow flow)
        {
            var issue = issues.FindIndex(i => i.Importer == flow.Importer && i.Exporter == flow.Exporter && i.Sector == flow.Sector);
            return issue < 0 ? flow.TariffPercent : agreed[issue];
        }

        var canadianExports = scenario.Trade.Where(f => f.Exporter == "CAN" && f.Importer == "IDN").ToList();
        var canadianImports = scenario.Trade.Where(f => f.Exporter == "IDN" && f.Importer == "CAN").ToList();

        // By hand, from the file: Canada's exports are beef 40, dairy 30, canola oil 60, processed
        // food 50 (all dutiable) and wheat, potash and soybeans 2,220 (0%, row 42): 2,400 in all,
        // 2,220 / 2,400 = 92.5% duty-free before the deal.
        canadianExports.Sum(f => f.Value).Should().Be(2400);
        (canadianExports.Where(f => f.TariffPercent == 0).Sum(f => f.Value) / 2400).Should().BeApproximately(0.925, 1e-12);

        // The agreement frees beef, dairy and canola oil and leaves processed food at 2.5%:
        // (2,220 + 40 + 30 + 60) / 2,400 = 2,350 / 2,400 = 97.9%, against the CEPA's "more than 95%".
        canadianExports.Where(f => After(f) == 0).Select(f => f.Sector).Should().BeEquivalentTo(["beef", "dairy", "canola_oil", "wheat_potash_soybeans"]);
        (canadianExports.Where(f => After(f) == 0).Sum(f => f.Value) / 2400).Should().BeApproximately(2350.0 / 2400, 1e-12);

        // Canada's lines: footwear, apparel, tyres (dutiable) and rubber and other goods (0%). The
        // agreement cuts footwear 18 -> 12 and frees none of the three: 1 line in 4 duty-free after
        // as before (the CEPA: 90.5% of lines), 2,350 of 3,100 by value (75.8%).
        canadianImports.Select(After).Should().Equal(12, 18, 7, 0);
        (canadianImports.Where(f => After(f) == 0).Sum(f => f.Value) / canadianImports.Sum(f => f.Value)).Should().BeApproximately(2350.0 / 3100, 1e-12);
    }
}
