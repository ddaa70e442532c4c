using Simulation.Grains.Abstractions.Countries;
using Simulation.Grains.Abstractions.Negotiations;
using Simulation.Model.Negotiation;
using Simulation.Model.Runs;

namespace Simulation.Grains.Negotiations;

/// <summary>
/// The one place where the model's moves and turn contexts become grain messages and back
/// (DESIGN §2 "Seams"): a negotiation grain sends a <see cref="TurnRequest"/> made from the
/// protocol's <see cref="TurnContext"/>, a country grain reads it back, and its negotiator's
/// <see cref="NegotiationAction"/> travels as a <see cref="TurnDecision"/>. Nothing else switches on
/// the kinds of moves.
/// </summary>
public static class MoveMessages
{
    public static TurnRequest ToRequest(string negotiationId, TurnContext turn)
    {
        ArgumentException.ThrowIfNullOrEmpty(negotiationId);
        ArgumentNullException.ThrowIfNull(turn);
        return new TurnRequest(
            negotiationId,
            turn.TurnsTaken,
            turn.TurnsAvailable,
            Levels(turn.StandingOffer),
            turn.StandingOfferBy,
            ToStage(turn.Phase),
            Levels(turn.CurrentText),
            [.. turn.Moves.Select(m => new MoveRecord(m.Round, m.Turn, m.Party, MoveKindNames.Name(m.Action), Levels(m.Offer)))]);
    }

    public static TurnContext ToContext(TurnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new TurnContext(
            request.TurnsTaken,
            request.TurnsAvailable,
            OutcomeOf(request.StandingOffer),
            request.StandingOfferBy,
            ToPhase(request.Phase),
            OutcomeOf(request.CurrentText),
            [.. (request.MovesSince ?? []).Select(m => new TurnRecord(m.Round, m.Turn, m.Party, MoveKindNames.Of(m.Action), OutcomeOf(m.Outcome)))]);
    }

    /// <param name="targetUtility">The utility the negotiator aimed for, if its strategy has a target.</param>
    public static TurnDecision ToDecision(NegotiationAction action, double? targetUtility)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action switch
        {
            Offer offer => new TurnDecision(TurnMove.Offer, Levels(offer.Outcome), targetUtility),
            Accept => new TurnDecision(TurnMove.Accept, null, targetUtility),
            Reject => new TurnDecision(TurnMove.Reject, null, targetUtility),
            Vote => new TurnDecision(TurnMove.Vote, null, targetUtility),
            Veto => new TurnDecision(TurnMove.Veto, null, targetUtility),
            WalkAway => new TurnDecision(TurnMove.WalkAway, null, targetUtility),
            _ => throw new ArgumentException($"Move {action.Name} has no message form.", nameof(action)),
        };
    }

    /// <exception cref="InvalidOperationException">An offer without an outcome, or a move kind not known here.</exception>
    public static NegotiationAction ToAction(TurnDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Move switch
        {
            TurnMove.Offer => new Offer(OutcomeOf(decision.Offer) ?? throw new InvalidOperationException("An offer came without an outcome.")),
            TurnMove.Accept => new Accept(),
            TurnMove.Reject => new Reject(),
            TurnMove.Vote => new Vote(),
            TurnMove.Veto => new Veto(),
            TurnMove.WalkAway => new WalkAway(),
            _ => throw new InvalidOperationException($"Unknown move {decision.Move}."),
        };
    }

    /// <summary>A round's report as a message: status by its JSON name, levels per issue, the turns as move records.</summary>
    public static NegotiationReport ToReport(RoundReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new NegotiationReport(
            report.NegotiationId,
            NegotiationStatusNames.Name(report.Status),
            report.RoundsPlayed,
            Levels(report.Agreement),
            report.AgreedOfferTurn,
            [.. report.Turns.Select(t => new MoveRecord(t.Round, t.Turn, t.Party, MoveKindNames.Name(t.Action), Levels(t.Offer)))]);
    }

    /// <exception cref="InvalidOperationException">A status name not known here.</exception>
    public static RoundReport ToRoundReport(NegotiationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var status = Enum.GetValues<NegotiationStatus>().Where(s => NegotiationStatusNames.Name(s) == report.Status).ToList() is [var only]
            ? only
            : throw new InvalidOperationException($"Unknown negotiation status {report.Status}.");
        return new RoundReport(
            report.NegotiationId,
            status,
            report.RoundsPlayed,
            OutcomeOf(report.Agreement),
            report.AgreedOfferTurn,
            [.. (report.Turns ?? []).Select(m => new TurnRecord(m.Round, m.Turn, m.Party, MoveKindNames.Of(m.Action), OutcomeOf(m.Outcome)))]);
    }

    private static TurnStage ToStage(TurnPhase phase) => phase switch
    {
        TurnPhase.Bargain => TurnStage.Bargain,
        TurnPhase.Vote => TurnStage.Vote,
        TurnPhase.Ratify => TurnStage.Ratify,
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };

    private static TurnPhase ToPhase(TurnStage stage) => stage switch
    {
        TurnStage.Bargain => TurnPhase.Bargain,
        TurnStage.Vote => TurnPhase.Vote,
        TurnStage.Ratify => TurnPhase.Ratify,
        _ => throw new InvalidOperationException($"Unknown turn phase {stage}."),
    };

    private static int[]? Levels(Outcome? outcome) => outcome?.Levels.ToArray();

    private static Outcome? OutcomeOf(IReadOnlyList<int>? levels) => levels is null ? null : new Outcome([.. levels]);
}
