using System.Collections.Immutable;

namespace Simulation.Model.Negotiation;

/// <summary>
/// The stacked alternating offers protocol (SAOP; Aydoğan et al. 2017, as in GENIUS and ANAC),
/// of which two-party alternating offers is the special case: the parties move in round-robin
/// order from the first; on its turn a party accepts the standing offer (not its own), makes a
/// counter-offer, or walks away. An offer is agreed once each of the N − 1 parties after its maker
/// has accepted it in turn; a counter-offer replaces it and the count starts again. A round is one
/// turn of each party; after N × rounds turns without agreement the status is
/// <see cref="NegotiationStatus.Deadline"/>. With two parties one acceptance agrees, which is
/// Rubinstein's alternating offers exactly.
/// </summary>
public abstract class RoundRobinOffersProtocol : INegotiationProtocol
{
    private readonly List<TurnRecord> _history = [];
    private readonly Dictionary<string, int> _historySeenBy = new(StringComparer.Ordinal);
    private int _acceptances;
    private int? _endRound;

    private protected RoundRobinOffersProtocol(string negotiationId, IReadOnlyList<string> parties, string first, int rounds)
    {
        ArgumentException.ThrowIfNullOrEmpty(negotiationId);
        Order = MoveRules.TurnOrder(parties, first);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        NegotiationId = negotiationId;
        Parties = [.. parties];
        First = first;
        Rounds = rounds;
    }

    public abstract string Name { get; }

    public string NegotiationId { get; }

    /// <summary>The parties, in the order given.</summary>
    public ImmutableArray<string> Parties { get; }

    public string First { get; }

    /// <summary>The deadline, in rounds.</summary>
    public int Rounds { get; }

    /// <summary>The parties in turn order: the first party, then the others in the order given, wrapping round.</summary>
    public ImmutableArray<string> Order { get; }

    public NegotiationStatus Status { get; private set; } = NegotiationStatus.Active;

    public bool IsActive => Status == NegotiationStatus.Active;

    public int TurnsTaken { get; private set; }

    /// <summary>N × rounds: a round is one turn of each party.</summary>
    public int TurnsAvailable => Order.Length * Rounds;

    public string NextParty => Order[TurnsTaken % Order.Length];

    /// <summary>
    /// While active, the 1-based round of the next turn. Once ended, the round it ended in: that of
    /// the last turn for an agreement, a walk-away or the deadline; the round under way for a
    /// termination.
    /// </summary>
    public int Round => _endRound ?? RoundOfTurn(TurnsTaken + 1);

    public Outcome? StandingOffer { get; private set; }

    public string? StandingOfferBy { get; private set; }

    /// <summary>How many parties have accepted the standing offer in turn since it was made.</summary>
    public int Acceptances => _acceptances;

    public Outcome? Agreement { get; private set; }

    /// <summary>The round in which the last acceptance made the standing offer an agreement.</summary>
    public int? AgreementRound { get; private set; }

    public IReadOnlyList<TurnRecord> History => _history;

    /// <summary>What <paramref name="party"/> knows for its decision, with the turns played since its own last one.</summary>
    public TurnContext ContextFor(string party)
    {
        EnsureParty(party);
        var seen = _historySeenBy.GetValueOrDefault(party);
        return new TurnContext(
            TurnsTaken, TurnsAvailable, StandingOffer, StandingOfferBy, TurnPhase.Bargain, null, _history[seen..]);
    }

    /// <summary>Plays <paramref name="party"/>'s move.</summary>
    /// <exception cref="InvalidOperationException">
    /// The negotiation is over, it is not this party's turn, the move is not an offer, an acceptance
    /// or a walk-away, or it accepts without a standing offer or its own offer.
    /// </exception>
    public void Apply(string party, NegotiationAction action)
    {
        MoveRules.EnsureMayMove(this, party, action);

        var turn = TurnsTaken + 1;
        var round = RoundOfTurn(turn);
        switch (action)
        {
            case Offer offer:
                StandingOffer = offer.Outcome;
                StandingOfferBy = party;
                _acceptances = 0;
                Record(new TurnRecord(round, turn, party, action.Kind, offer.Outcome));
                break;

            case Accept:
                if (StandingOffer is null)
                {
                    throw new InvalidOperationException($"Negotiation {NegotiationId}: {party} accepts, but there is no offer on the table.");
                }

                if (StandingOfferBy == party)
                {
                    throw new InvalidOperationException($"Negotiation {NegotiationId}: {party} cannot accept its own offer.");
                }

                Record(new TurnRecord(round, turn, party, action.Kind, StandingOffer));
                _acceptances++;
                if (_acceptances == Order.Length - 1)
                {
                    Agreement = StandingOffer;
                    AgreementRound = round;
                    End(NegotiationStatus.Agreed, round);
                }

                break;

            case WalkAway:
                Record(new TurnRecord(round, turn, party, action.Kind, null));
                End(NegotiationStatus.WalkedAway, round);
                break;

            default:
                throw new InvalidOperationException(
                    $"Negotiation {NegotiationId}: {party} cannot {action.Name} under {Name}; it may offer, accept or walk away.");
        }

        TurnsTaken = turn;
        if (IsActive && TurnsTaken == TurnsAvailable)
        {
            End(NegotiationStatus.Deadline, round);
        }
    }

    public void Terminate()
    {
        if (IsActive)
        {
            End(NegotiationStatus.Terminated, RoundOfTurn(TurnsTaken + 1));
        }
    }

    private int RoundOfTurn(int turn) => (turn + Order.Length - 1) / Order.Length;

    private void Record(TurnRecord record)
    {
        _history.Add(record);
        _historySeenBy[record.Party] = _history.Count;
    }

    private void End(NegotiationStatus status, int round)
    {
        Status = status;
        _endRound = round;
    }

    private void EnsureParty(string party) => MoveRules.EnsureParty(this, party);
}
