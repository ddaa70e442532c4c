using Simulation.Model.Reporting;
using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>Offers and world changes as the dashboard and the silo's log write them, read off the scenario file by hand.</summary>
public sealed class ReadableTextTests
{
    private static readonly TariffAgenda QuotaDeal = TariffAgenda.For(ScenarioLoader.Parse(
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Simulation.Grains.Tests", "Scenarios", "quota-deal.yaml")), "quota-deal.yaml").Negotiation("CAN-IDN"));

    [Fact]
    public void An_offer_names_each_line_with_its_tariff_and_a_quota_with_its_volume_in_quota_and_over_quota_tariffs()
    {
        // quota-deal.yaml: IDN's canola tariff on CAN at levels [5, 0]; a quota on CAN's footwear from
        // IDN at volumes [0, 110, 120], 0% in quota, and over it the line's 10% from the trade data.
        ReadableText.Of(QuotaDeal, new Outcome([1, 2])).Should().Be("IDN:CAN:canola=0; CAN:IDN:footwear quota=120 (0 in, 10 over)");
        ReadableText.Of(QuotaDeal, new Outcome([0, 1])).Should().Be("IDN:CAN:canola=5; CAN:IDN:footwear quota=110 (0 in, 10 over)");
    }

    [Fact]
    public void A_change_to_the_world_is_written_the_way_an_offer_is()
    {
        ReadableText.Of(new TariffChange(new TariffLine("IDN", "CAN", "beef"), 2.5)).Should().Be("IDN:CAN:beef=2.5");
        ReadableText.Of(new QuotaChange(new TariffLine("CAN", "IDN", "footwear"), new TariffRateQuota(120, 0, QuotaRentHolder.Exporter)))
            .Should().Be("CAN:IDN:footwear quota=120 (0 in)");
    }

    [Fact]
    public void A_discrete_label_that_could_be_misread_is_quoted()
    {
        var agenda = TariffAgenda.For(ScenarioLoader.Parse("""
            name: Terms
            units: utility
            countries: { AAA: {}, BBB: {} }
            negotiations:
              - id: deal
                parties: [AAA, BBB]
                issues:
                  - { id: "Pay; when", values: ["net=30", "towel "], value: { AAA: [0, 1], BBB: [1, 0] } }
                  - { id: Plain, values: [lo, hi], value: { AAA: [0, 1], BBB: [1, 0] } }
            """, "terms.yaml").Negotiation("deal"));

        // "; " and "=" in a label, a blank at its end: each such label in double quotes; plain ones bare.
        ReadableText.Of(agenda, new Outcome([0, 1])).Should().Be("\"Pay; when\"=\"net=30\"; Plain=hi");
        ReadableText.Of(agenda, new Outcome([1, 0])).Should().Be("\"Pay; when\"=\"towel \"; Plain=lo");
    }
}
