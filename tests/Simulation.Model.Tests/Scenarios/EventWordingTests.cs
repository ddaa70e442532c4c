using System.Globalization;
using Simulation.Model.Economics;
using Simulation.Model.Reporting;
using Simulation.Model.Runs;
using Simulation.Model.Scenarios;
using Simulation.Model.Scenarios.Events;

namespace Simulation.Model.Tests.Scenarios;

/// <summary>
/// Each event type's wording, written out by hand: the line the silo's log and the dashboard show
/// (<see cref="EventType.Describe"/>), the line the CLI's events table and timeline show from an
/// outcome entry (<see cref="EventType.Narrate"/>), and the entry itself (<see cref="EventType.Outcome"/>).
/// The texts are those the commands printed before each type was one file.
/// </summary>
public sealed class EventWordingTests
{
    private static readonly EventNumbers s_numbers = new(t => t.ToString("0.##", CultureInfo.InvariantCulture), w => w.ToString("0.000", CultureInfo.InvariantCulture));

    private static readonly RoundTrigger s_round = new(3);

    [Fact]
    public void Terminate_and_start_name_the_party_and_the_negotiation()
    {
        var terminate = new AppliedEvent(3, new TerminateEvent(s_round, "USA-CAN", "USA"), []);
        var start = new AppliedEvent(4, new StartEvent(s_round, "LATER"), []);

        TerminateEvent.Definition.Describe(terminate).Should().Be("USA ends USA-CAN");
        StartEvent.Definition.Describe(start).Should().Be("LATER starts");
        var terminated = TerminateEvent.Definition.Outcome(terminate);
        terminated.Should().Be(new EventOutcome(3, "terminate", Negotiation: "USA-CAN", By: "USA"));
        TerminateEvent.Definition.Narrate(terminated, s_numbers).Should().Be("USA ends USA-CAN");
        StartEvent.Definition.Narrate(StartEvent.Definition.Outcome(start), s_numbers).Should().Be("LATER opens");
    }

    [Fact]
    public void Set_tariff_lists_the_lines_it_set_and_every_sector_when_written_so()
    {
        var changes = new[] { new TariffChange(new TariffLine("USA", "CAN", "autos"), 25), new TariffChange(new TariffLine("USA", "CAN", "steel"), 25) };
        var applied = new AppliedEvent(2, new SetTariffEvent(s_round, "USA", "CAN", null, 25), changes);

        SetTariffEvent.Definition.Describe(applied).Should().Be("tariffs set: USA:CAN:autos=25; USA:CAN:steel=25");
        var entry = SetTariffEvent.Definition.Outcome(applied);
        (entry.Sector, entry.Tariff, entry.Sectors).Should().BeEquivalentTo(("*", 25.0, new[] { "autos", "steel" }));
        SetTariffEvent.Definition.Narrate(entry, s_numbers).Should().Be("USA sets its tariff on CAN in every sector to 25% (autos, steel)");
        SetTariffEvent.Definition.Narrate(entry with { Sector = "autos", Tariff = 12.5 }, s_numbers).Should().Be("USA sets its tariff on CAN in autos to 12.5%");
    }

    [Fact]
    public void Set_strategy_and_set_weights_name_the_country_and_what_it_now_has()
    {
        var strategy = new AppliedEvent(7, new SetStrategyEvent(s_round, "CAN", StrategySpec.Presets["boulware"].Strategy), []);
        var weights = new AppliedEvent(8, new SetWeightsEvent(s_round, "CAN", new IdMap<double>([new("dairy", 0.5)]), null), []);

        SetStrategyEvent.Definition.Describe(strategy).Should().Be("CAN changes strategy to boulware");
        SetStrategyEvent.Definition.Narrate(SetStrategyEvent.Definition.Outcome(strategy), s_numbers).Should().Be("CAN now plays boulware");
        SetWeightsEvent.Definition.Describe(weights).Should().Be("CAN changes its weights");
        SetWeightsEvent.Definition.Narrate(SetWeightsEvent.Definition.Outcome(weights), s_numbers).Should().Be("CAN's weights become lobby {dairy: 0.500}");
    }
}
