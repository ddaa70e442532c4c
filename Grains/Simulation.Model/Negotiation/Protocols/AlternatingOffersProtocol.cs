using System.Collections.Immutable;

namespace Simulation.Model.Negotiation;

/// <summary>
/// The alternating-offers protocol for two parties (DESIGN §4.3; Rubinstein 1982, with a finite
/// deadline as in Ståhl 1972): turns alternate, the first party first; on its turn a party offers,
/// accepts the standing offer, or walks away. A round is one turn of each party. After
/// 2 × rounds turns without agreement the status is <see cref="NegotiationStatus.Deadline"/>.
/// A pure state machine: it checks moves and records them, and leaves deciding to the strategies.
/// </summary>
public sealed class AlternatingOffersProtocol
{
    private readonly List<TurnRecord> _history = [];
    private int? _endRound;

    public AlternatingOffersProtocol(string negotiationId, IReadOnlyList<string> parties, string first, int rounds)
    {
        ArgumentException.ThrowIfNullOrEmpty(negotiationId);
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentException.ThrowIfNullOrEmpty(first);
        if (parties.Count != 2 || string.IsNullOrEmpty(parties[0]) || string.IsNullOrEmpty(parties[1]) || parties[0] == parties[1])
        {
            throw new ArgumentException("Alternating offers takes exactly two distinct parties.", nameof(parties));
        }

        if (!parties.Contains(first))
        {
            throw new ArgumentException($"The first party {first} is not a party.", nameof(first));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        NegotiationId = negotiationId;
        Parties = [.. parties];
        First = first;
        Rounds = rounds;
        Order = first == parties[0] ? [parties[0], parties[1]] : [parties[1], parties[0]];
    }

    public string NegotiationId { get; }

    /// <summary>The parties, in the order given.</summary>
    public ImmutableArray<string> Parties { get; }

    public string First { get; }

    /// <summary>The deadline, in rounds.</summary>
    public int Rounds { get; }

    /// <summary>The parties in turn order: the first party, then the other.</summary>
    public ImmutableArray<string> Order { get; }

    public NegotiationStatus Status { get; private set; } = NegotiationStatus.Active;

    public bool IsActive => Status == NegotiationStatus.Active;

    public int TurnsTaken { get; private set; }

    public int TurnsAvailable => 2 * Rounds;

    /// <summary>Whose turn it is (while active; after the end, who would have been next).</summary>
    public string NextParty => Order[TurnsTaken % 2];

    /// <summary>
    /// While active, the 1-based round of the next turn. Once ended, the round it ended in: that of
    /// the last turn for an agreement, a walk-away or the deadline; the round under way for a
    /// termination.
    /// </summary>
    public int Round => _endRound ?? RoundOfTurn(TurnsTaken + 1);

    public Outcome? StandingOffer { get; private set; }

    public string? StandingOfferBy { get; private set; }

    public Outcome? Agreement { get; private set; }

    /// <summary>The round in which the standing offer was accepted.</summary>
    public int? AgreementRound { get; private set; }

    public IReadOnlyList<TurnRecord> History => _history;

    /// <summary>What <paramref name="party"/> knows for its decision.</summary>
    public TurnContext ContextFor(string party)
    {
        EnsureParty(party);
        return new TurnContext(TurnsTaken, TurnsAvailable, StandingOffer, StandingOfferBy);
    }

    /// <summary>Plays <paramref name="party"/>'s move.</summary>
    /// <exception cref="InvalidOperationException">
    /// The negotiation is over, it is not this party's turn, or it accepts without a standing offer
    /// or its own offer.
    /// </exception>
    public void Apply(string party, NegotiationAction action)
    {
        EnsureParty(party);
        ArgumentNullException.ThrowIfNull(action);
        if (!IsActive)
        {
            throw new InvalidOperationException($"Negotiation {NegotiationId} is over ({Status}); {party} cannot move.");
        }

        if (party != NextParty)
        {
            throw new InvalidOperationException($"Negotiation {NegotiationId}: it is {NextParty}'s turn, not {party}'s.");
        }

        var turn = TurnsTaken + 1;
        var round = RoundOfTurn(turn);
        switch (action)
        {
            case Offer offer:
                StandingOffer = offer.Outcome;
                StandingOfferBy = party;
                _history.Add(new TurnRecord(round, turn, party, action.Name, offer.Outcome));
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

                _history.Add(new TurnRecord(round, turn, party, action.Name, StandingOffer));
                Agreement = StandingOffer;
                AgreementRound = round;
                End(NegotiationStatus.Agreed, round);
                break;

            case WalkAway:
                _history.Add(new TurnRecord(round, turn, party, action.Name, null));
                End(NegotiationStatus.WalkedAway, round);
                break;

            default:
                throw new ArgumentException($"Unknown action {action.GetType().Name}.", nameof(action));
        }

        TurnsTaken = turn;
        if (IsActive && TurnsTaken == TurnsAvailable)
        {
            End(NegotiationStatus.Deadline, round);
        }
    }

    /// <summary>
    /// Ends the negotiation from outside (an event, DESIGN §5.1). Does nothing if it has already
    /// ended: an agreement or a deadline stands.
    /// </summary>
    public void Terminate()
    {
        if (IsActive)
        {
            End(NegotiationStatus.Terminated, RoundOfTurn(TurnsTaken + 1));
        }
    }

    private static int RoundOfTurn(int turn) => (turn + 1) / 2;

    private void End(NegotiationStatus status, int round)
    {
        Status = status;
        _endRound = round;
    }

    private void EnsureParty(string party)
    {
        ArgumentNullException.ThrowIfNull(party);
        if (!Parties.Contains(party))
        {
            throw new InvalidOperationException($"{party} is not a party to negotiation {NegotiationId}.");
        }
    }
}
