using Simulation.Model.Reporting;
using Simulation.Model.Negotiation;
using Simulation.Model.Runs;
using Simulation.Model.Scenarios;

namespace Simulation.Grains.Abstractions.Runs;

/// <summary>
/// What a run's watchers have been told so far, and the next thing to tell them: turns the engine's
/// state into <see cref="RunProgressUpdate"/>s (standing offers as tariffs, each party's utility of
/// them, the turns, events and tariff changes since the previous update). One converter for every
/// host of the engine, so the run grain's watchers and <c>run --engine local --watch</c> see the same
/// records. It keeps its own count of what it told, apart from the engine's state, so a snapshot
/// taken while a round is under way matches the sequence number it carries.
/// </summary>
public sealed class RunProgressLedger
{
    private readonly Scenario scenario;
    private readonly RunEngine engine;
    private readonly SortedDictionary<string, List<TurnProgress>> turnsTold = new(StringComparer.Ordinal);
    private long updates;
    private int eventsTold;
    private int tariffChangesTold;
    private RunProgressUpdate? last;

    public RunProgressLedger(Scenario scenario, RunEngine engine)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(engine);
        this.scenario = scenario;
        this.engine = engine;
    }

    /// <summary>
    /// The next update: <paramref name="status"/> with every negotiation as it stands, and the turns,
    /// events and tariff changes the engine made since the previous update. The engine reports after
    /// every round with the round's events and agreements already applied, so they go with that round.
    /// </summary>
    public RunProgressUpdate Next(RunStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var fired = engine.AppliedEvents.Skip(eventsTold).Select(Readable).ToList();
        eventsTold += fired.Count;
        var changed = engine.TariffChanges.Skip(tariffChangesTold).Select(ReadableText.Of).ToList();
        tariffChangesTold += changed.Count;

        var negotiations = new List<NegotiationProgress>();
        var opened = engine.Statuses;
        foreach (var (id, negotiationStatus) in opened)
        {
            if (!turnsTold.TryGetValue(id, out var told))
            {
                told = [];
                turnsTold[id] = told;
            }

            var agenda = engine.Agenda(id);
            var news = engine.History(id).Skip(told.Count)
                .Select(t => new TurnProgress(
                    status.Round,
                    t.Round,
                    t.Turn,
                    t.Party,
                    MoveKindNames.Name(t.Action),
                    t.Offer is null ? [] : ReadableText.IssuesOf(agenda, t.Offer),
                    t.Utilities))
                .ToList();
            told.AddRange(news);
            negotiations.Add(Progress(id, NegotiationStatusNames.Name(negotiationStatus), told, news));
        }

        // Tables not yet open are listed too, so a watcher sees the whole agenda from the first round.
        foreach (var spec in scenario.Negotiations.Where(n => !opened.ContainsKey(n.Id)).OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            negotiations.Add(new NegotiationProgress(spec.Id, NegotiationStatusNames.Name(NegotiationStatus.NotStarted), spec.Parties, 0, spec.Rounds, [], null, [], []));
        }

        negotiations.Sort((a, b) => string.CompareOrdinal(a.Negotiation, b.Negotiation));
        last = new RunProgressUpdate(++updates, status, scenario.Name, negotiations, fired, changed);
        return last;
    }

    /// <summary>
    /// Everything told so far as one update, under the sequence number of the last update (0 before
    /// the first, with <paramref name="statusBeforeFirst"/>): every turn, event and tariff change in
    /// place of the last update's news.
    /// </summary>
    public RunProgressUpdate Snapshot(RunStatus statusBeforeFirst)
    {
        if (last is null)
        {
            return new RunProgressUpdate(0, statusBeforeFirst, scenario.Name, [], [], []);
        }

        var negotiations = last.Negotiations
            .Select(n => n with { Turns = [.. turnsTold.GetValueOrDefault(n.Negotiation) ?? []] })
            .ToList();
        var events = engine.AppliedEvents.Take(eventsTold).Select(Readable).ToList();
        var changes = engine.TariffChanges.Take(tariffChangesTold).Select(ReadableText.Of).ToList();
        return last with { Negotiations = negotiations, EventsFired = events, TariffChanges = changes };
    }

    /// <summary>An applied event as the dashboard and the watchers show it: its round and what it did.</summary>
    public static string Readable(AppliedEvent applied) => $"round {applied.Round}: {ReadableText.Of(applied)}";

    /// <summary>
    /// A negotiation as the watchers see it, its standing offer taken from the turns told so far: the
    /// outcome last on the table, made by whoever last offered it (an acceptance puts on the table
    /// the offer it accepts, which the accepting party did not make; as <see cref="NegotiationTable"/>
    /// dates an agreement by the offer turn).
    /// </summary>
    private NegotiationProgress Progress(string id, string status, IReadOnlyList<TurnProgress> told, IReadOnlyList<TurnProgress> turns)
    {
        var standing = told.LastOrDefault(t => t.Offer.Count > 0);
        var offeredBy = standing is null ? null
            : (told.LastOrDefault(t => t.Action == "offer" && t.Offer.SequenceEqual(standing.Offer, StringComparer.Ordinal)) ?? standing).Party;
        var spec = scenario.Negotiation(id);
        return new(
            id,
            status,
            spec.Parties,
            engine.RoundsPlayed(id),
            spec.Rounds,
            standing?.Offer ?? [],
            offeredBy,
            standing?.Utilities ?? [],
            turns);
    }
}
