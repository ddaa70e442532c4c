using Simulation.Model.Determinism;

namespace Simulation.Model.Negotiation;

/// <summary>
/// A negotiator composed as in the BOA architecture (Baarslag, Hindriks, Hendrikx, Dirkzwager &amp;
/// Jonker, "Decoupling negotiating agents to explore the space of negotiation strategies", 2014):
/// a bidding strategy, an acceptance condition and an opponent model (DESIGN §2 "Seams", §4.4).
/// It keeps the moves it has seen and its opponent model when the world changes
/// (<see cref="Reprice"/>): only its preferences and the public or true values it was given change.
/// </summary>
/// <remarks>
/// <para>On a bargaining turn it first asks the bidding strategy for its next bid, then the acceptance
/// condition whether the outcome on the table (someone else's) beats it: Accept, or Offer that bid.
/// A bidding strategy that is also an <see cref="IAcceptanceCondition"/> decides acceptance itself.</para>
/// <para>Walking away: when even its best outcome, discounted to the earliest turn it could now be
/// agreed, is worth less than its reservation, and no standing offer is acceptable, it walks away.</para>
/// <para>Single text (DESIGN §4.3): on a <see cref="TurnPhase.Vote"/> it votes for the proposed change
/// unless it lowers its utility relative to the current text (then Veto); on
/// <see cref="TurnPhase.Ratify"/> it accepts the text iff it is worth at least its reservation.</para>
/// <para>It learns from <see cref="TurnContext.MovesSince"/>. A protocol that reports no moves gives
/// it the standing offer alone: if someone else made it, that offer is taken as the one move seen.</para>
/// </remarks>
public sealed class ComposedNegotiator : INegotiator
{
    private readonly List<TurnRecord> _seen = [];
    private BidSelector? _selector;
    private double? _lastTarget;
    private Outcome? _lastOffer;
    private double? _lastOfferUtility;
    private MoveKind? _lastAction;

    public ComposedNegotiator(NegotiationView view, IBiddingStrategy bidding, IAcceptanceCondition acceptance, IOpponentModel opponentModel, string label)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(bidding);
        ArgumentNullException.ThrowIfNull(acceptance);
        ArgumentNullException.ThrowIfNull(opponentModel);
        ArgumentException.ThrowIfNullOrEmpty(label);
        Bidding = bidding;
        Acceptance = bidding as IAcceptanceCondition ?? acceptance;
        OpponentModel = opponentModel;
        Label = label;
        View = view;
        opponentModel.Reprice(view);
        bidding.Reprice(view);
    }

    public string Party => View.Party;

    public string Label { get; }

    public NegotiationView View { get; private set; }

    public NegotiatorPreferences Preferences => View.Self;

    public IBiddingStrategy Bidding { get; }

    public IAcceptanceCondition Acceptance { get; }

    public IOpponentModel OpponentModel { get; }

    /// <summary>Every move by others it has seen in this negotiation, oldest first.</summary>
    public IReadOnlyList<TurnRecord> SeenMoves => _seen;

    /// <summary>The bids its opponent model currently suggests (built on first use after a change).</summary>
    public BidSelector Selector => _selector ??= new BidSelector(View.Self, OpponentModel.Estimates);

    /// <summary>
    /// The world changed: take the new view (preferences, public and true values of the others).
    /// The moves seen, what the opponent model learnt and the bidding strategy's state survive.
    /// </summary>
    public void Reprice(NegotiationView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.Party != View.Party || !view.Space.Equals(View.Space) || !view.Opponents.Select(o => o.Party).SequenceEqual(View.Opponents.Select(o => o.Party)))
        {
            throw new ArgumentException("A reprice keeps the party, the space and the other parties.", nameof(view));
        }

        View = view;
        OpponentModel.Reprice(view);
        Bidding.Reprice(view);
        _selector = null;
    }

    public NegotiationAction Decide(TurnContext turn, DeferredRandom random)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(random);
        Learn(turn);
        return turn.Phase switch
        {
            TurnPhase.Vote => VoteOn(turn),
            TurnPhase.Ratify => Ratify(turn),
            _ => Bargain(turn, random),
        };
    }

    public NegotiatorSnapshot Snapshot() =>
        new(Party, Label, Preferences.Reservation, _lastTarget, _lastOffer, _lastOfferUtility, _lastAction);

    private void Learn(TurnContext turn)
    {
        IReadOnlyList<TurnRecord> moves = turn.Moves.Count > 0
            ? OthersMoves(turn.Moves)
            : turn.StandingOffer is { } standing && turn.StandingOfferBy is { } by && !string.Equals(by, Party, StringComparison.Ordinal) && View.Opponents.Any(o => o.Party == by)
                ? [new TurnRecord((turn.TurnsTaken + 1) / 2, turn.TurnsTaken, by, MoveKind.Offer, standing)]
                : [];
        if (moves.Count == 0)
        {
            return;
        }

        _seen.AddRange(moves);
        if (OpponentModel.Observe(moves))
        {
            _selector = null;
        }
    }

    /// <summary>The moves made by the others, in order (a loop: this runs every turn).</summary>
    private List<TurnRecord> OthersMoves(IReadOnlyList<TurnRecord> moves)
    {
        var others = new List<TurnRecord>(moves.Count);
        for (var i = 0; i < moves.Count; i++)
        {
            if (!string.Equals(moves[i].Party, Party, StringComparison.Ordinal))
            {
                others.Add(moves[i]);
            }
        }

        return others;
    }

    private NegotiationAction Bargain(TurnContext turn, DeferredRandom random)
    {
        var bid = Bidding.Propose(turn, new BiddingContext(View, Selector, _seen), random);
        var bidUtility = Preferences.Utility(bid.Outcome);
        _lastTarget = bid.Target;
        if (turn.StandingOffer is { } standing
            && !string.Equals(turn.StandingOfferBy, Party, StringComparison.Ordinal)
            && Acceptance.Accepts(turn, standing, bid, View))
        {
            _lastAction = MoveKind.Accept;
            return new Accept();
        }

        // With a discount, time erodes every deal: an offer made now (turn TurnsTaken + 1) is worth at
        // most its best utility · δ^TurnsTaken once agreed (DESIGN §4.2), and later ones less. Once that
        // is below its reservation, no agreement can still beat no deal, and going on only delays
        // the end: it walks away. Without discounting it never walks away.
        if (View.Discount < 1 && Preferences.MaxUtility * Math.Pow(View.Discount, turn.TurnsTaken) < Preferences.Reservation)
        {
            _lastAction = MoveKind.WalkAway;
            return new WalkAway();
        }

        _lastOffer = bid.Outcome;
        _lastOfferUtility = bidUtility;
        _lastAction = MoveKind.Offer;
        return new Offer(bid.Outcome);
    }

    private NegotiationAction VoteOn(TurnContext turn)
    {
        var proposed = turn.StandingOffer ?? throw new InvalidOperationException("A vote needs a proposed text.");
        var current = turn.CurrentText ?? View.Space.StatusQuo;
        var lowers = Preferences.Value(proposed) < Preferences.Value(current);
        _lastTarget = Preferences.Utility(current);
        _lastAction = lowers ? MoveKind.Veto : MoveKind.Vote;
        return lowers ? new Veto() : new Vote();
    }

    private NegotiationAction Ratify(TurnContext turn)
    {
        var text = turn.StandingOffer ?? throw new InvalidOperationException("Ratifying needs a text.");
        var accepts = Preferences.Utility(text) >= Preferences.Reservation;
        _lastTarget = Preferences.Reservation;
        _lastAction = accepts ? MoveKind.Accept : MoveKind.Reject;
        return accepts ? new Accept() : new Reject();
    }
}
