using Simulation.Model.Negotiation;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>The run grain pushes its progress to subscribed watchers (DESIGN §5.4): every round, in order, then the end.</summary>
[Collection(nameof(ClusterCollection))]
public sealed class RunObserverTests(OneSilo oneSilo)
{
    private const string ScenarioFile = "canada-indonesia.yaml";
    private readonly string scenarioText = File.ReadAllText(RepositoryPaths.Scenario(ScenarioFile));

    [Fact]
    public async Task A_watcher_subscribed_before_the_start_hears_every_round_numbered_in_order_then_the_completion()
    {
        var grains = oneSilo.Client;
        var run = grains.GetGrain<IRunGrain>(RunDriver.OwnRunId(scenarioText, 11));
        var watcher = new Watcher();
        var reference = grains.CreateObjectReference<IRunObserver>(watcher);

        await run.SubscribeAsync(reference);
        await run.StartAsync(new RunRequest(scenarioText, ScenarioFile, 11));
        var arrived = await watcher.EndAsync();
        var outcome = await run.GetOutcomeAsync();

        // One-way pushes may arrive out of order (Orleans does not promise order between calls):
        // the sequence numbers put them back, and none is missing.
        var updates = arrived.OrderBy(u => u.Sequence).ToList();
        updates.Select(u => u.Sequence).Should().Equal(Enumerable.Range(1, outcome!.RoundsPlayed + 1).Select(i => (long)i));
        updates[^1].Status.Phase.Should().Be(RunPhase.Completed);
        updates[^1].IsFinal.Should().BeTrue();
        updates.Take(updates.Count - 1).Should().OnlyContain(u => u.Status.Phase == RunPhase.Running);
        // One push per round played, then one for the end, which repeats the last round.
        updates.Take(updates.Count - 1).Select(u => u.Status.Round).Should().Equal(Enumerable.Range(1, outcome.RoundsPlayed));
        updates[^1].Status.Round.Should().Be(outcome.RoundsPlayed);
        updates[0].Negotiations.Select(n => (n.Negotiation, n.Status)).Should().Equal(("CAN-IDN", "active"));
        updates[^1].Negotiations.Select(n => (n.Negotiation, n.Status)).Should().Equal(("CAN-IDN", NegotiationStatusNames.Name(outcome.Negotiations[0].Status)));
        grains.DeleteObjectReference<IRunObserver>(reference);
    }

    [Fact]
    public async Task The_turns_pushed_round_by_round_are_the_outcomes_history_in_tariffs_and_the_last_standing_offer_is_the_agreement()
    {
        var grains = oneSilo.Client;
        var run = grains.GetGrain<IRunGrain>(RunDriver.OwnRunId(scenarioText, 13));
        var watcher = new Watcher();
        var reference = grains.CreateObjectReference<IRunObserver>(watcher);

        await run.SubscribeAsync(reference);
        await run.StartAsync(new RunRequest(scenarioText, ScenarioFile, 13));
        var updates = (await watcher.EndAsync()).OrderBy(u => u.Sequence).ToList();
        var outcome = (await run.GetOutcomeAsync())!;
        var negotiation = outcome.Negotiations.Single();

        // Each update carries only the turns since the one before: together they are the trace
        // the outcome JSON keeps (DESIGN §6.4), each turn in the run round it was played in
        // (CAN-IDN opens in round 1, so its own rounds are the run's).
        var pushed = updates.SelectMany(u => u.Negotiations.Single().Turns).ToList();
        pushed.Select(t => (t.Round, t.Turn, t.Party, t.Action))
            .Should().Equal(negotiation.History.Select(t => (t.Round, t.Turn, t.Party, MoveKindNames.Name(t.Action))));
        pushed.Should().OnlyContain(t => t.RunRound == t.Round);
        pushed.Select(t => t.Offer).Should().Equal(negotiation.History.Select(t => Tariffs(t.Offer)), (a, b) => a.SequenceEqual(b));
        pushed.Select(t => t.Utilities).Should().Equal(
            negotiation.History.Select(t => t.Utility is null ? [] : negotiation.Parties.Select(p => t.Utility[p]).ToList()),
            (a, b) => a.SequenceEqual(b));

        var last = updates[^1].Negotiations.Single();
        last.Parties.Should().Equal(negotiation.Parties);
        last.RoundsPlayed.Should().Be(negotiation.Round);
        last.StandingOffer.Should().Equal(Tariffs(negotiation.Agreement), "the run agreed, and the accepted offer is the one standing");
        last.Utilities.Should().Equal(negotiation.Parties.Select(p => negotiation.Utility[p]));
        // The history ends with the acceptance; the offer it accepts was made by the other party, in the turn before.
        negotiation.History[^1].Action.Should().Be(MoveKind.Accept);
        last.OfferedBy.Should().Be(negotiation.History.Last(t => t.Action == MoveKind.Offer).Party).And.NotBe(negotiation.History[^1].Party);
        updates[^1].TariffChanges.Should().BeEmpty("the agreement's tariff changes went out with the round that made it");
        // Agreeing sets every tariff line on the agenda, as the outcome's agreement lists them.
        updates.SelectMany(u => u.TariffChanges).Should().Equal(Tariffs(negotiation.Agreement));
        grains.DeleteObjectReference<IRunObserver>(reference);
    }

    [Fact]
    public async Task A_snapshot_after_the_end_holds_every_turn_event_and_tariff_change_under_the_last_sequence_number()
    {
        var grains = oneSilo.Client;
        var run = grains.GetGrain<IRunGrain>(RunDriver.OwnRunId(scenarioText, 14));
        var watcher = new Watcher();
        var reference = grains.CreateObjectReference<IRunObserver>(watcher);

        (await run.GetProgressAsync()).Sequence.Should().Be(0, "nothing was pushed before the start");
        await run.SubscribeAsync(reference);
        await run.StartAsync(new RunRequest(scenarioText, ScenarioFile, 14));
        var updates = (await watcher.EndAsync()).OrderBy(u => u.Sequence).ToList();
        var snapshot = await run.GetProgressAsync();

        snapshot.Sequence.Should().Be(updates[^1].Sequence);
        snapshot.Status.Should().Be(updates[^1].Status);
        snapshot.Scenario.Should().Be(updates[^1].Scenario).And.NotBeEmpty();
        snapshot.Negotiations.Single().Turns.Should().BeEquivalentTo(
            updates.SelectMany(u => u.Negotiations.Single().Turns), options => options.WithStrictOrdering());
        snapshot.TariffChanges.Should().Equal(updates.SelectMany(u => u.TariffChanges));
        snapshot.EventsFired.Should().Equal(updates.SelectMany(u => u.EventsFired));
        grains.DeleteObjectReference<IRunObserver>(reference);
    }

    /// <summary>An outcome's entries in the words of <c>ReadableText</c>, written here from the JSON's fields.</summary>
    private static List<string> Tariffs(IReadOnlyList<Simulation.Model.Reporting.OutcomeEntry>? entries) =>
        [.. (entries ?? []).Select(e => e.Issue is null
            ? $"{e.Importer}:{e.Exporter}:{e.Sector}={e.Tariff!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
            : $"{e.Issue}={e.Value}")];

    [Fact]
    public async Task A_paced_run_can_be_cancelled_between_rounds_and_its_watchers_hear_so()
    {
        // A minute between rounds: without the cancellation the run would wait after round 1.
        var text = scenarioText;
        var grains = oneSilo.Client;
        var run = grains.GetGrain<IRunGrain>(RunDriver.OwnRunId(text, 12));
        var watcher = new Watcher();
        var reference = grains.CreateObjectReference<IRunObserver>(watcher);

        await run.SubscribeAsync(reference);
        await run.StartAsync(new RunRequest(text, ScenarioFile, 12, Pace: TimeSpan.FromMinutes(1)));
        var first = await watcher.FirstAsync();
        await run.CancelAsync();
        var updates = (await watcher.EndAsync()).OrderBy(u => u.Sequence).ToList();

        first.Status.Round.Should().Be(1);
        updates[^1].Status.Phase.Should().Be(RunPhase.Cancelled);
        updates[^1].Status.Round.Should().Be(1, "the run was stopped in the wait after round 1");
        grains.DeleteObjectReference<IRunObserver>(reference);
    }

    private sealed class Watcher : IRunObserver
    {
        private readonly object gate = new();
        private readonly List<RunProgressUpdate> updates = [];
        private readonly TaskCompletionSource<RunProgressUpdate> first = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long? finalSequence;

        public Task OnProgress(RunProgressUpdate update)
        {
            lock (gate)
            {
                updates.Add(update);
                first.TrySetResult(update);
                if (update.IsFinal)
                {
                    finalSequence = update.Sequence;
                }

                // The end is heard once the final update and every one numbered before it have
                // arrived: one-way pushes may overtake each other.
                if (finalSequence is { } last && updates.Count >= last)
                {
                    ended.TrySetResult();
                }
            }

            return Task.CompletedTask;
        }

        // Guards against a hang, not speed checks: a run ends or is cancelled well within them.
        public Task<RunProgressUpdate> FirstAsync() => first.Task.WaitAsync(TimeSpan.FromMinutes(5));

        public async Task<IReadOnlyList<RunProgressUpdate>> EndAsync()
        {
            await ended.Task.WaitAsync(TimeSpan.FromMinutes(5));
            lock (gate)
            {
                return [.. updates];
            }
        }
    }
}
