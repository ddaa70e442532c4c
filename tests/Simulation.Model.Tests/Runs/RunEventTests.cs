using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Runs;
using Simulation.Model.Scenarios;
using Simulation.Model.Scenarios.Events;
using Simulation.Tests.Shared;

namespace Simulation.Model.Tests.Runs;

/// <summary>
/// Events applied by the run engine (DESIGN §5.1), in process, on the coupled scenario of
/// tests/Simulation.Grains.Tests/Scenarios/one-country-two-tables.yaml, where without events AB
/// agrees in round 5 and AC in round 18. Each test adds one event (or a deferred start) to that file.
/// Expected utilities and gains come from <see cref="BruteForceValues"/>, which values every outcome
/// by solving the whole world the event makes, with none of the engine's seats, value tables or
/// repricing.
/// </summary>
public sealed class RunEventTests
{
    private static readonly string CoupledText =
        File.ReadAllText(RepositoryPaths.TestScenario("one-country-two-tables.yaml"));

    private static Scenario WithEvents(string events, string text = "") =>
        ScenarioLoader.Parse((text.Length == 0 ? CoupledText : text).TrimEnd() + "\nevents:\n" + events + "\n", "events-test.yaml");

    private static Scenario ACDeferred(string events) =>
        WithEvents(events, CoupledText.Replace("    rounds: 20\n", "    rounds: 20\n    start: deferred\n", StringComparison.Ordinal));

    [Fact]
    public async Task A_terminate_at_round_7_ends_the_negotiation_there_with_no_gains()
    {
        var scenario = WithEvents("  - { round: 7, type: terminate, negotiation: AC, by: CCC }");

        var result = await EngineRuns.PlayAsync(scenario, scenario.Seed);

        var ac = result.Negotiations.Single(n => n.Id == "AC");
        (ac.Status, ac.Round, ac.Agreement).Should().Be((NegotiationStatus.Terminated, 7, (Outcome?)null));
        ac.Assessments.Values.Should().AllSatisfy(a => (a.Gain, a.Utility).Should().Be((0.0, a.Reservation)));
        // Rounds 1 to 6 were played, none of round 7.
        ac.History.Max(t => t.Round).Should().Be(6);
        // AB (agreed in round 5 without events) is untouched; the run ends with AC's termination.
        result.Negotiations.Single(n => n.Id == "AB").Round.Should().Be(5);
        result.RoundsPlayed.Should().Be(7);
        result.Events.Should().ContainSingle().Which.Should().Be(new AppliedEvent(7, scenario.Events[0], []));
    }

    [Fact]
    public async Task A_set_tariff_at_round_1_is_the_world_every_negotiation_starts_in()
    {
        var scenario = WithEvents("  - { round: 1, type: set-tariff, importer: AAA, exporter: ROW, sector: \"*\", tariff: 25 }");

        var result = await EngineRuns.PlayAsync(scenario, scenario.Seed);

        // AB's agreement is worth to AAA and BBB what brute force gives for the same tariffs in the
        // world with ROW's tariff raised, and not what it gives in the base world: the event matters.
        var ab = result.Negotiations.Single(n => n.Id == "AB");
        var raised = World.FromScenario(scenario).With([new TariffChange(new TariffLine("AAA", "ROW", "goods"), 25)]);
        var expected = new BruteForceValues(scenario, "AB", raised).Of(ab.Agreement!);
        string[] parties = ["AAA", "BBB"];
        parties.Select(p => ab.Assessments[p].Gain).Should().Equal(expected.Gains, (a, e) => Math.Abs(a - e) < 1e-9);
        parties.Select(p => ab.Assessments[p].Utility).Should().Equal(expected.Utilities, (a, e) => Math.Abs(a - e) < 1e-9);
        new BruteForceValues(scenario, "AB", World.FromScenario(scenario)).Of(ab.Agreement!).Gains
            .Zip(expected.Gains).Should().OnlyContain(x => Math.Abs(x.First - x.Second) > 1e-6);

        result.TariffChanges[0].Should().Be(new TariffChange(new TariffLine("AAA", "ROW", "goods"), 25));
        result.Events.Should().ContainSingle().Which.TariffChanges.Should().Equal(result.TariffChanges[0]);
    }

    [Fact]
    public async Task A_deferred_negotiation_opens_the_round_after_the_one_it_waits_for_agrees()
    {
        var scenario = ACDeferred("  - { when: { negotiation: AB, status: agreed }, type: start, negotiation: AC }");

        var result = await EngineRuns.PlayAsync(scenario, scenario.Seed);

        var ab = result.Negotiations.Single(n => n.Id == "AB");
        var ac = result.Negotiations.Single(n => n.Id == "AC");
        (ab.Status, ab.Round).Should().Be((NegotiationStatus.Agreed, 5));
        result.Events.Should().ContainSingle().Which.Round.Should().Be(6);
        // AC's own rounds count from its opening at run round 6: its first turn is its round 1,
        // and the run lasts 5 rounds plus AC's.
        ac.History[0].Round.Should().Be(1);
        result.RoundsPlayed.Should().Be(5 + ac.Round);
        // It opens in the world AB made: AC's first offer, and its agreement, are worth to AAA and CCC
        // what brute force gives for the same tariffs in the world with AB's agreed tariffs, and the
        // agreement's gains are not those of the base world.
        var afterAb = World.FromScenario(scenario).With(BruteForceValues.TariffsOf(scenario, "AB", ab.Agreement!));
        ac.History[0].Utilities.Should().Equal(new BruteForceValues(scenario, "AC", afterAb).Of(ac.History[0].Offer!).Utilities, (a, e) => Math.Abs(a - e) < 1e-9);
        ac.Status.Should().Be(NegotiationStatus.Agreed);
        var expected = new BruteForceValues(scenario, "AC", afterAb).Of(ac.Agreement!);
        string[] parties = ["AAA", "CCC"];
        parties.Select(p => ac.Assessments[p].Gain).Should().Equal(expected.Gains, (a, e) => Math.Abs(a - e) < 1e-9);
        new BruteForceValues(scenario, "AC", World.FromScenario(scenario)).Of(ac.Agreement!).Gains[0].Should().NotBeApproximately(expected.Gains[0], 1e-6);
    }

    [Fact]
    public async Task A_deferred_negotiation_whose_trigger_is_never_met_is_not_started()
    {
        var scenario = ACDeferred("  - { when: { negotiation: AB, status: walked_away }, type: start, negotiation: AC }");

        var result = await EngineRuns.PlayAsync(scenario, scenario.Seed);

        var ac = result.Negotiations.Single(n => n.Id == "AC");
        (ac.Status, ac.Round, ac.Agreement, ac.History.Count).Should().Be((NegotiationStatus.NotStarted, 0, (Outcome?)null, 0));
        ac.Assessments.Values.Should().AllSatisfy(a => a.Gain.Should().Be(0));
        result.RoundsPlayed.Should().Be(5);
        result.Events.Should().BeEmpty();
    }

    [Fact]
    public async Task A_set_weights_changes_the_gain_a_country_measures()
    {
        // Mercantilist AAA (DESIGN §3.3: U = Σ ω_p ΔX_p − ΔM) values its exports to BBB twice from round 1.
        var scenario = WithEvents("  - { round: 1, type: set-weights, country: AAA, partner_weights: { BBB: 2 } }");

        var result = await EngineRuns.PlayAsync(scenario, scenario.Seed);

        // The same file with the weight written into AAA from the start is the world the event makes;
        // brute force values AB's agreement there, and in the file without it.
        var ab = result.Negotiations.Single(n => n.Id == "AB");
        var weighted = ScenarioLoader.Parse(
            CoupledText.Replace("AAA: { name: A, strategy: linear }", "AAA: { name: A, strategy: linear, partner_weights: { BBB: 2 } }", StringComparison.Ordinal),
            "weighted.yaml");
        var world = World.FromScenario(scenario);
        var asWeighted = new BruteForceValues(weighted, "AB", world).Of(ab.Agreement!).Gains;
        var asBefore = new BruteForceValues(scenario, "AB", world).Of(ab.Agreement!).Gains;
        ab.Assessments["AAA"].Gain.Should().BeApproximately(asWeighted[0], 1e-9);
        // Both cut tariffs, so AAA's exports to BBB rise: counting them twice raises the gain by ΔX_AAA→BBB > 0.
        asWeighted[0].Should().BeGreaterThan(asBefore[0] + 1e-6);
        asWeighted[1].Should().Be(asBefore[1], "BBB's objective is untouched");
    }

    [Fact]
    public async Task A_set_strategy_to_hardliner_stops_a_country_conceding()
    {
        // CCC plays Boulware at AC; from round 3 a hardliner (time-dependent, e = 0): its target is
        // its best outcome at every turn, so every offer it makes from then on is worth 1 to it.
        var scenario = WithEvents("  - { round: 3, type: set-strategy, country: CCC, strategy: hardliner }");
        var plain = WithEvents("  - { round: 300, type: set-strategy, country: CCC, strategy: hardliner }");

        var result = await EngineRuns.PlayAsync(scenario, scenario.Seed);
        var without = await EngineRuns.PlayAsync(plain, plain.Seed);

        var cccOffers = result.Negotiations.Single(n => n.Id == "AC").History.Where(t => t.Party == "CCC" && t.Action == MoveKind.Offer).ToList();
        cccOffers.Where(t => t.Round >= 3).Should().NotBeEmpty().And.AllSatisfy(t => t.Utilities[1].Should().Be(1));
        // Without the event (round 300 is never reached) Boulware CCC concedes before the deadline.
        without.Events.Should().BeEmpty();
        without.Negotiations.Single(n => n.Id == "AC").History
            .Where(t => t.Party == "CCC" && t.Action == MoveKind.Offer).Should().Contain(t => t.Utilities[1] < 1 - 1e-9);
    }
}
