using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Runs;
using Simulation.Model.Runs.Journal;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Model.Tests.Runs;

/// <summary>
/// The run engine in process, on the coupled scenario (tests/Simulation.Grains.Tests/Scenarios/
/// one-country-two-tables.yaml): AB agrees in round 5 while AC goes on to round 18 over the same
/// market, so AAA's utilities at AC are those of the base world up to round 5 and of the world
/// with AB's agreement after it.
/// </summary>
public sealed class RunEngineTests
{
    private static readonly Scenario Coupled = ScenarioLoader.Parse(
        File.ReadAllText(RepositoryPaths.TestScenario("one-country-two-tables.yaml")),
        "one-country-two-tables.yaml");

    [Fact]
    public async Task The_trace_values_each_turn_in_the_world_of_that_turn()
    {
        var result = await EngineRuns.PlayAsync(Coupled, Coupled.Seed);
        var ab = result.Negotiations.Single(n => n.Id == "AB");
        var ac = result.Negotiations.Single(n => n.Id == "AC");
        (ab.Status, ab.Round, ac.Status, ac.Round).Should().Be((NegotiationStatus.Agreed, 5, NegotiationStatus.Agreed, 18));

        // Every AC outcome valued by brute force in each world, with none of the engine's seats.
        var abAgreed = BruteForceValues.TariffsOf(Coupled, "AB", ab.Agreement!);
        var before = new BruteForceValues(Coupled, "AC", World.FromScenario(Coupled));
        var after = new BruteForceValues(Coupled, "AC", World.FromScenario(Coupled).With(abAgreed));

        var offers = ac.History.Where(t => t.Offer is not null).ToList();
        offers.Should().Contain(t => t.Round <= 5).And.Contain(t => t.Round > 5);
        foreach (var turn in offers)
        {
            var seat = turn.Round <= 5 ? before : after;
            turn.Utilities[0].Should().BeApproximately(seat.Of(turn.Offer!).Utilities[0], 1e-9, $"AAA's utility at round {turn.Round} turn {turn.Turn}");
        }

        // The worlds differ where it matters: some offer AAA made is worth something else after AB.
        offers.Should().Contain(t => Math.Abs(before.Of(t.Offer!).Utilities[0] - after.Of(t.Offer!).Utilities[0]) > 1e-6);
    }

    [Fact]
    public async Task A_history_holds_every_turn_once_in_order_and_ends_with_the_agreement()
    {
        var result = await EngineRuns.PlayAsync(Coupled, Coupled.Seed);

        foreach (var negotiation in result.Negotiations)
        {
            negotiation.History.Select(t => t.Turn).Should().Equal(Enumerable.Range(1, negotiation.History.Count));
            negotiation.History[^1].Round.Should().Be(negotiation.Round);
            negotiation.History[^1].Action.Should().Be(MoveKind.Accept);
            negotiation.History[^1].Offer.Should().Be(negotiation.Agreement!);
            negotiation.History.Should().AllSatisfy(t => t.Utilities.Should().HaveCount(2));
        }

        // The tariff changes are AB's (round 5) then AC's (round 18), in negotiation-id order.
        result.TariffChanges.Select(c => c.Line.Importer + c.Line.Exporter).Should().Equal("AAABBB", "BBBAAA", "AAACCC", "CCCAAA");
        result.RoundsPlayed.Should().Be(18);
    }

    [Fact]
    public async Task The_engine_reports_its_clock_after_every_round()
    {
        var clocks = new List<RoundCompleted>();
        var result = await InProcessRun.PlayAsync(Coupled, new RunStarted(Coupled.Name, "", Coupled.Seed), e => clocks.AddRange(e is RoundCompleted c ? [c] : []));

        // AB agrees in round 5 and AC in round 18: both play rounds 1 to 5, AC alone 6 to 18.
        clocks.Select(c => c.Round).Should().Equal(Enumerable.Range(1, result.RoundsPlayed));
        clocks.Select(c => c.ActiveNegotiations).Should().Equal([.. Enumerable.Repeat(2, 5), .. Enumerable.Repeat(1, 13)]);
    }

    [Fact]
    public async Task A_cancelled_run_stops_between_rounds()
    {
        using var cancellation = new CancellationTokenSource();
        var clocks = new List<RoundCompleted>();
        void Listen(RunEvent told)
        {
            if (told is RoundCompleted clock)
            {
                clocks.Add(clock);
                if (clock.Round == 3)
                {
                    cancellation.Cancel();
                }
            }
        }

        var play = () => InProcessRun.PlayAsync(Coupled, new RunStarted(Coupled.Name, "", Coupled.Seed), Listen, cancellation.Token);

        await play.Should().ThrowAsync<OperationCanceledException>();
        clocks.Select(c => c.Round).Should().Equal(1, 2, 3);
    }
}
