using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Runs;
using Simulation.Model.Runs.Journal;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Model.Tests.Runs.Journal;

/// <summary>
/// What the engine tells, in the order docs/run-journal.md gives, checked against what the test
/// scenarios' comments and the engine tests establish independently: events.yaml's file (AB over
/// AAA–BBB with 6 rounds, AC deferred until AB agrees, events at rounds 2, 3, 4 and a walk-out at
/// 12), and the coupled scenario (AB agrees in round 5, AC in round 18, RunEngineTests).
/// </summary>
public sealed class RunEventStreamTests
{
    [Fact]
    public async Task The_events_scenario_is_told_in_the_documented_order()
    {
        var events = await EventsAsync("events.yaml");

        events[0].Should().BeOfType<RunStarted>().Which.Seed.Should().Be(1);
        events[1].Should().BeOfType<NegotiationOpened>().Which.Should().BeEquivalentTo(new NegotiationOpened(1, "AB", ["AAA", "BBB"], "alternating-offers", 6));
        events[^1].Should().BeOfType<RunEnded>().Which.RoundsPlayed.Should().Be(12);

        // One round completed per round, 1 to 12, each after everything else of its round.
        var rounds = events.OfType<RoundCompleted>().Select(r => r.Round).ToList();
        rounds.Should().Equal(Enumerable.Range(1, 12));
        foreach (var (e, i) in events.Select((e, i) => (e, i)).Where(x => x.e is not (RunStarted or RunEnded or RoundCompleted)))
        {
            var completed = events.Take(i).OfType<RoundCompleted>().Count();
            RoundOf(e).Should().Be(completed + 1, "{0} at line {1} comes after round {2} completed", e.GetType().Name, i + 1, completed);
        }

        // The file's events: set-tariff at 2 (with the world it changed just after), set-weights at 3,
        // set-strategy at 4, AC's start the round after AB agreed (its opening just before), CCC's walk-out at 12.
        var applied = events.OfType<EventApplied>().ToList();
        var abEnd = events.OfType<NegotiationEnded>().Single(n => n.Negotiation == "AB");
        abEnd.Status.Should().Be(NegotiationStatus.Agreed);
        applied.Select(a => (a.Round, a.Index, a.Applied.Type)).Should().Equal(
            (2, 0, "set-tariff"), (3, 1, "set-weights"), (4, 2, "set-strategy"), (abEnd.Round + 1, 3, "start"), (12, 4, "terminate"));
        var setTariff = events.IndexOf(applied[0]);
        events[setTariff + 1].Should().BeOfType<WorldChanged>().Which.Tariffs.Should().Equal(new TariffChange(new TariffLine("AAA", "ROW", "goods"), 15));
        events[events.IndexOf(applied[3]) - 1].Should().BeOfType<NegotiationOpened>().Which.Negotiation.Should().Be("AC");
        var acEnd = events.OfType<NegotiationEnded>().Single(n => n.Negotiation == "AC");
        (acEnd.Round, acEnd.Status, acEnd.NegotiationRound).Should().Be((12, NegotiationStatus.Terminated, 12 - abEnd.Round));
        events[events.IndexOf(applied[4]) - 1].Should().Be(acEnd, "the negotiation a terminate event ends comes before the event");
    }

    [Fact]
    public async Task The_coupled_run_tells_every_turn_and_each_agreement_as_the_world_it_changed()
    {
        var events = await EventsAsync("one-country-two-tables.yaml");

        var changes = events.OfType<WorldChanged>().ToList();
        changes.Select(c => (c.Round, c.Negotiation)).Should().Equal((5, "AB"), (18, "AC"));
        changes.SelectMany(c => c.Tariffs).Select(t => t.Line.Importer + t.Line.Exporter).Should().Equal("AAABBB", "BBBAAA", "AAACCC", "CCCAAA");
        events.OfType<RoundCompleted>().Select(r => r.ActiveNegotiations).Should().Equal([.. Enumerable.Repeat(2, 5), .. Enumerable.Repeat(1, 13)]);

        // Each negotiation's turns are numbered 1, 2, 3... and its last is the acceptance of its agreement.
        foreach (var id in new[] { "AB", "AC" })
        {
            var turns = events.OfType<TurnTaken>().Where(t => t.Negotiation == id).ToList();
            turns.Select(t => t.Turn).Should().Equal(Enumerable.Range(1, turns.Count));
            turns[^1].Move.Should().Be(MoveKind.Accept);
            turns[^1].Levels.Should().Equal(events.OfType<NegotiationEnded>().Single(n => n.Negotiation == id).Levels);
            turns.Should().AllSatisfy(t => t.Utility!.Keys.Should().Equal("AAA", id == "AB" ? "BBB" : "CCC"));
        }
    }

    private static async Task<List<RunEvent>> EventsAsync(string file)
    {
        var text = File.ReadAllText(RepositoryPaths.TestScenario(file));
        var scenario = ScenarioLoader.Parse(text, file);
        var events = new List<RunEvent>();
        await InProcessRun.PlayAsync(scenario, RunStarted.For(scenario, text, scenario.Seed), events.Add);
        return events;
    }

    private static int RoundOf(RunEvent e) => e switch
    {
        NegotiationOpened o => o.Round,
        TurnTaken t => t.Round,
        NegotiationEnded n => n.Round,
        EventApplied a => a.Round,
        WorldChanged w => w.Round,
        _ => throw new ArgumentException(e.GetType().Name, nameof(e)),
    };
}
