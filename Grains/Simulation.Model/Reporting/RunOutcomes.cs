using Simulation.Model.Economics;
using Simulation.Model.Runs;
using Simulation.Model.Runs.Journal;
using Simulation.Model.Scenarios;
using Simulation.Model.Scenarios.Events;

namespace Simulation.Model.Reporting;

/// <summary>
/// The one assembly of a run's outcome (DESIGN §6.2), a fold over the events the run reported
/// (<see cref="RunEvent"/>), whichever engine played it (grains or in-process) and whether they come
/// from the engine as it plays or from a journal read back, so the same run gives byte-identical JSON.
/// Only the countries are computed here: the world the run ended in, solved.
/// </summary>
public static class RunOutcomes
{
    /// <exception cref="InvalidOperationException">The events are not those of a whole run of <paramref name="scenario"/>.</exception>
    public static RunOutcome Assemble(Scenario scenario, IEnumerable<RunEvent> events, string scenarioFile)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(events);
        RunStarted? started = null;
        RunEnded? ended = null;
        var endings = new Dictionary<string, NegotiationEnded>(StringComparer.Ordinal);
        var histories = new Dictionary<string, List<TurnOutcome>>(StringComparer.Ordinal);
        var tariffChanges = new List<TariffChange>();
        var quotaChanges = new List<QuotaChange>();
        var applied = new List<EventOutcome>();
        foreach (var runEvent in events)
        {
            switch (runEvent)
            {
                case RunStarted start:
                    started = start;
                    break;
                case TurnTaken turn:
                    var parties = scenario.Negotiation(turn.Negotiation).Parties;
                    (histories.TryGetValue(turn.Negotiation, out var history) ? history : histories[turn.Negotiation] = []).Add(new TurnOutcome(
                        turn.NegotiationRound,
                        turn.Turn,
                        turn.Party,
                        turn.Move,
                        turn.Outcome,
                        turn.Utility is { } utility ? InPartyOrder(parties, utility) : null));
                    break;
                case NegotiationEnded end:
                    endings[end.Negotiation] = end;
                    break;
                case EventApplied e:
                    applied.Add(e.Applied);
                    break;
                case WorldChanged change:
                    tariffChanges.AddRange(change.Tariffs);
                    quotaChanges.AddRange(change.Quotas);
                    break;
                case RunEnded end:
                    ended = end;
                    break;
            }
        }

        if (started is null || ended is null)
        {
            throw new InvalidOperationException($"The events of run {scenario.Name} do not hold its {(started is null ? "start" : "end")}: they are not those of a whole run.");
        }

        var negotiations = new List<NegotiationOutcome>();
        foreach (var spec in scenario.Negotiations)
        {
            var end = endings.TryGetValue(spec.Id, out var found)
                ? found
                : throw new InvalidOperationException($"The events of run {scenario.Name} do not say how negotiation {spec.Id} ended.");
            negotiations.Add(new NegotiationOutcome(
                spec.Id,
                spec.Parties,
                spec.Protocol,
                end.Status,
                end.NegotiationRound,
                end.Agreement,
                InPartyOrder(spec.Parties, end.Utility),
                InPartyOrder(spec.Parties, end.Reservation),
                InPartyOrder(spec.Parties, end.Gain),
                spec.Parties.ToDictionary(p => p, p => GainMeasures.Of(scenario, p), StringComparer.Ordinal),
                end.Analysis,
                histories.GetValueOrDefault(spec.Id) ?? []));
        }

        var world = AgreedWorld.Of(scenario, tariffChanges, quotaChanges);
        var solutions = world.Solve(scenario.Model);
        return new RunOutcome(
            new ScenarioInfo(started.Scenario, scenarioFile, started.Sha256),
            started.Seed,
            scenario.Model.Name,
            ended.RoundsPlayed,
            negotiations,
            CountryOutcomes.For(scenario, world, solutions),
            applied,
            solutions.SelectMany(s => s.Warnings).ToList());
    }

    /// <summary>A value per party in the negotiation's party order, the order the outcome writes them in, whatever order they were read in.</summary>
    /// <remarks>Values the engine told already hold the parties in that order, once each, and are kept as they are.</remarks>
    private static IReadOnlyDictionary<string, double> InPartyOrder(IReadOnlyList<string> parties, IReadOnlyDictionary<string, double> values) =>
        values is Dictionary<string, double> { Count: var count } ordered && count == parties.Count && ordered.Comparer == StringComparer.Ordinal && ordered.Keys.SequenceEqual(parties, StringComparer.Ordinal)
            ? ordered
            : parties.ToDictionary(p => p, p => values[p], StringComparer.Ordinal);
}
