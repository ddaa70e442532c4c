using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;
using Simulation.Model.Runs;
using Simulation.Model.Runs.Journal;
using Simulation.Model.Scenarios;
using Simulation.Model.Scenarios.Events;
using Simulation.Tests.Shared;

namespace Simulation.Model.Tests.Runs;

/// <summary>
/// Reactions (DESIGN §5.1): a <c>when:</c> condition is checked after each round's agreements and
/// events, and its event fires once, at the start of the round after the condition first holds, in
/// file order. The rounds expected are worked out by hand in the scenarios' comments:
/// tests/Simulation.Grains.Tests/Scenarios/reactions.yaml for the world's tariff and exports, and
/// <see cref="AgreementReactions"/> for conditions on an agreement.
/// </summary>
public sealed class ReactionRunTests
{
    private static readonly Scenario Reactions = ScenarioLoader.Parse(File.ReadAllText(RepositoryPaths.TestScenario("reactions.yaml")), "reactions.yaml");

    [Fact]
    public async Task Conditions_on_the_world_fire_once_at_the_start_of_the_round_after_they_first_hold()
    {
        var result = await EngineRuns.PlayAsync(Reactions, Reactions.Seed);

        // (round, event index), in the order applied: round events and reactions due at a round in file order.
        result.Events.Select(a => (a.Round, IndexOf(Reactions, a))).Should().Equal(
            (2, 0), (2, 4), (3, 5), (5, 1), (6, 2), (6, 6), (6, 7));
        result.RoundsPlayed.Should().Be(8, "LATE opens at round 8 and has one round; nothing is due after it");
    }

    [Fact]
    public async Task A_reaction_names_what_held_with_the_number_observed()
    {
        var result = await EngineRuns.PlayAsync(Reactions, Reactions.Seed);

        // Hand values (the scenario's comment): BBB's goods exports 100/1.1 and 100/1.3 of 100; with wares 50, of 150.
        result.Events.Select(a => a.When).Should().Equal(
            null,
            "tariff AAA←BBB goods 0, below 0.01",
            "exports BBB→AAA goods change -0.0909, below -0.05",
            null,
            "tariff AAA←BBB goods 30, above 25",
            "exports BBB→AAA goods change -0.2308, below -0.2",
            "exports BBB→AAA change -0.1538, below -0.1");
    }

    [Fact]
    public async Task The_outcome_and_the_run_events_carry_what_held()
    {
        var text = File.ReadAllText(RepositoryPaths.TestScenario("reactions.yaml"));
        var events = new List<RunEvent>();
        await InProcessRun.PlayAsync(Reactions, RunStarted.For(Reactions, text, Reactions.Seed), events.Add);
        var outcome = RunOutcomes.Assemble(Reactions, events, "reactions.yaml");

        var retaliation = events.OfType<EventApplied>().Single(e => e.Index == 2);
        (retaliation.Round, retaliation.Applied.When).Should().Be((6, "tariff AAA←BBB goods 30, above 25"));
        ReadableText.Of(retaliation.Applied).Should().Be("tariffs set: BBB:AAA:goods=25 (when tariff AAA←BBB goods 30, above 25)");
        outcome.Events.Select(e => e.When).Should().Contain("tariff AAA←BBB goods 30, above 25");
        RunOutcomeJson.Serialize(outcome).Should().Contain("\"when\": \"tariff AAA←BBB goods 30, above 25\"");

        // A round event names no condition, and its entry keeps no "when" key.
        events.OfType<EventApplied>().Single(e => e.Index == 0).Applied.When.Should().BeNull();
    }

    [Fact]
    public async Task Conditions_on_an_agreement_read_its_tariff_its_in_quota_tariff_and_its_quota_volume()
    {
        var scenario = ScenarioLoader.Parse(AgreementReactions.Text(), AgreementReactions.FileName);

        var result = await EngineRuns.PlayAsync(scenario, scenario.Seed);

        var ab = result.Negotiations.Single(n => n.Id == "AB");
        (ab.Status, ab.Round).Should().Be((NegotiationStatus.Agreed, 6));
        ab.Agreement!.Levels.Should().Equal([1, 1], "quota level 1 is 110, grain level 1 is 4%");
        result.Events.Select(a => (a.Round, IndexOf(scenario, a))).Should().Equal((7, 0), (7, 2), (7, 4));
        result.Events.Select(a => a.When).Should().Equal(
            "AB agreed quota AAA←BBB goods 110, above 100",
            "AB agreed tariff AAA←BBB goods 0, below 0.5",
            "AB agreed tariff BBB←AAA grain 4, below 4.01");
    }

    [Fact]
    public async Task A_status_condition_fires_as_before_and_names_no_condition()
    {
        var text = File.ReadAllText(RepositoryPaths.TestScenario("events.yaml"));
        var scenario = ScenarioLoader.Parse(text, "events.yaml");

        var result = await EngineRuns.PlayAsync(scenario, scenario.Seed);

        var ab = result.Negotiations.Single(n => n.Id == "AB");
        var start = result.Events.Single(a => a.Event is StartEvent);
        start.Round.Should().Be(ab.Round + 1, "AC opens at the start of the round after AB agreed");
        start.When.Should().BeNull("outcomes never named a status trigger, and still do not");
    }

    [Fact]
    public async Task A_condition_that_never_holds_does_not_keep_the_run_going()
    {
        // Only the never-met conditions of reactions.yaml, on a world where nothing changes: the run
        // ends with LATE's one round at round 8.
        var text = File.ReadAllText(RepositoryPaths.TestScenario("reactions.yaml"));
        var cut = text[..text.IndexOf("events:", StringComparison.Ordinal)] + """
            events:
              - { when: { tariff: { importer: AAA, exporter: BBB, sector: goods }, above: 30 }, type: set-strategy, country: BBB, strategy: boulware }
              - { when: { exports: { country: BBB, partner: AAA }, change_below: -0.01 }, type: set-strategy, country: BBB, strategy: boulware }
            """;
        var scenario = ScenarioLoader.Parse(cut, "reactions.yaml");

        var result = await EngineRuns.PlayAsync(scenario, scenario.Seed);

        result.Events.Should().BeEmpty();
        result.RoundsPlayed.Should().Be(8);
    }

    private static int IndexOf(Scenario scenario, AppliedEvent applied) => scenario.Events.ToList().IndexOf(applied.Event);
}
