using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;
using Simulation.Model.Runs;
using Simulation.Model.Runs.Journal;

namespace Simulation.Grains.Abstractions.Runs;

/// <summary>
/// What a run's watchers have been told so far, and the next thing to tell them: where the run stands
/// (<see cref="RunStanding"/>, the fold of its events) as <see cref="RunProgressUpdate"/>s, with the
/// turns, events fired and tariff changes since the previous update. One view for every host of the
/// engine, so the run grain's watchers and <c>run --engine local --watch</c> see the same records. It
/// keeps its own count of what it told, so a snapshot taken while a round is under way matches the
/// sequence number it carries.
/// </summary>
public sealed class RunProgressLedger(RunStanding standing)
{
    private readonly Dictionary<string, int> turnsTold = new(StringComparer.Ordinal);
    private long updates;
    private int eventsTold;
    private int tariffChangesTold;
    private RunProgressUpdate? last;

    /// <summary>
    /// The next update: <paramref name="status"/> with every negotiation as it stands, and the turns,
    /// events and tariff changes folded in since the previous update.
    /// </summary>
    public RunProgressUpdate Next(RunStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var fired = standing.EventsFired.Skip(eventsTold).ToList();
        eventsTold += fired.Count;
        var changed = standing.TariffChanges.Skip(tariffChangesTold).Select(ReadableText.Of).ToList();
        tariffChangesTold += changed.Count;

        var negotiations = new List<NegotiationProgress>();
        foreach (var negotiation in standing.Negotiations)
        {
            var told = turnsTold.GetValueOrDefault(negotiation.Negotiation);
            negotiations.Add(Progress(negotiation, negotiation.Turns.Skip(told)));
            turnsTold[negotiation.Negotiation] = negotiation.Turns.Count;
        }

        last = new RunProgressUpdate(++updates, status, standing.Scenario, negotiations, fired, changed);
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
            return new RunProgressUpdate(0, statusBeforeFirst, standing.Scenario, [], [], []);
        }

        var turns = standing.Negotiations.ToDictionary(n => n.Negotiation, StringComparer.Ordinal);
        var negotiations = last.Negotiations
            .Select(n => n with { Turns = [.. turns[n.Negotiation].Turns.Take(turnsTold.GetValueOrDefault(n.Negotiation)).Select(Progress)] })
            .ToList();
        var events = standing.EventsFired.Take(eventsTold).ToList();
        var changes = standing.TariffChanges.Take(tariffChangesTold).Select(ReadableText.Of).ToList();
        return last with { Negotiations = negotiations, EventsFired = events, TariffChanges = changes };
    }

    /// <summary>A negotiation as the watchers see it, with <paramref name="turns"/> as its news.</summary>
    private static NegotiationProgress Progress(NegotiationStanding negotiation, IEnumerable<TurnTaken> turns) =>
        new(
            negotiation.Negotiation,
            NegotiationStatusNames.Name(negotiation.Status),
            negotiation.Parties,
            negotiation.RoundsPlayed,
            negotiation.Deadline,
            negotiation.StandingOffer,
            negotiation.OfferedBy,
            negotiation.Utilities,
            [.. turns.Select(t => Turn(negotiation, t))]);

    private TurnProgress Progress(TurnTaken turn) => Turn(standing.Negotiation(turn.Negotiation), turn);

    private static TurnProgress Turn(NegotiationStanding negotiation, TurnTaken turn) =>
        new(
            turn.Round,
            turn.NegotiationRound,
            turn.Turn,
            turn.Party,
            MoveKindNames.Name(turn.Move),
            turn.Outcome is { } outcome ? [.. outcome.Select(ReadableText.Of)] : [],
            negotiation.UtilitiesOf(turn));
}
