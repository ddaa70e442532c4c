namespace Simulation.Model.Negotiation;

/// <summary>
/// What a party knows when it is its turn: how many turns have been taken out of how many, the
/// outcome put to it (the standing offer, or in a single-text negotiation the proposed text) and
/// who put it, what it is asked to do (<see cref="Phase"/>), and the moves the others made since
/// its own last turn (<see cref="MovesSince"/>), from which it learns (opponent models, tit-for-tat).
/// </summary>
/// <param name="TurnsTaken">Turns taken so far in this negotiation.</param>
/// <param name="TurnsAvailable">Turns the deadline allows.</param>
/// <param name="StandingOffer">The outcome on the table, if any.</param>
/// <param name="StandingOfferBy">Who put it there (a party, or <c>mediator</c>).</param>
/// <param name="Phase">What the party is asked to do.</param>
/// <param name="CurrentText">Single text only: the text as it stands, which the proposal would change.</param>
/// <param name="MovesSince">The turns played since this party last moved (all of them on its first turn), oldest first.</param>
public sealed record TurnContext(
    int TurnsTaken,
    int TurnsAvailable,
    Outcome? StandingOffer,
    string? StandingOfferBy,
    TurnPhase Phase = TurnPhase.Bargain,
    Outcome? CurrentText = null,
    IReadOnlyList<TurnRecord>? MovesSince = null)
{
    /// <summary>The moves since this party's last turn; never null.</summary>
    public IReadOnlyList<TurnRecord> Moves => MovesSince ?? [];

    /// <summary>
    /// Normalised time t = TurnsTaken / TurnsAvailable (DESIGN §4.4), in [0, 1) on any turn that can
    /// be played: the first turn sees t = 0, the last (TurnsAvailable − 1)/TurnsAvailable.
    /// </summary>
    public double Time
    {
        get
        {
            if (TurnsAvailable <= 0 || TurnsTaken < 0 || TurnsTaken > TurnsAvailable)
            {
                throw new InvalidOperationException($"No time for turn {TurnsTaken} of {TurnsAvailable}.");
            }

            return (double)TurnsTaken / TurnsAvailable;
        }
    }

    /// <summary>Record equality compares the moves by content, not by list reference.</summary>
    public bool Equals(TurnContext? other) =>
        other is not null
        && TurnsTaken == other.TurnsTaken
        && TurnsAvailable == other.TurnsAvailable
        && StandingOffer == other.StandingOffer
        && StandingOfferBy == other.StandingOfferBy
        && Phase == other.Phase
        && CurrentText == other.CurrentText
        && Moves.SequenceEqual(other.Moves);

    /// <summary>Deterministic, like <see cref="Outcome.GetHashCode"/> (DESIGN §5.2).</summary>
    public override int GetHashCode() => unchecked((((TurnsTaken * 31) + TurnsAvailable) * 31 + (StandingOffer?.GetHashCode() ?? 0)) * 31 + (int)Phase);
}
