using System.Collections.Immutable;
using System.Globalization;
using Simulation.Model.Determinism;

namespace Simulation.Model.Negotiation;

/// <summary>
/// The mediated single negotiating text (DESIGN §4.3; Raiffa 1982, "The Art and Science of
/// Negotiation", ch. 14; the GATT/WTO practice of negotiating on a chair's text). The text starts at
/// the status quo (level 0 of every issue). Each round the mediator proposes a one-step change to the
/// text (one issue's level one step up or down, within range, or two issues' levels one step each)
/// and every party votes on it in turn,
/// from the first party: <see cref="Vote"/> or <see cref="Veto"/>; the change passes unless vetoed.
/// The mediator tries the changes possible from the current text in an order drawn from a generator
/// seeded by (run seed, negotiation, <c>mediator</c>, sweep number); a sweep ends when a change
/// passes (a new sweep starts from the new text) or when all have been tried.
/// </summary>
/// <remarks>
/// <para>Why pairs: on a tariff agenda every single step is one country cutting (or raising) one of
/// its own tariffs. A government that counts imports as concessions loses from its own cut and
/// vetoes it, so no single step ever passes and the text never leaves the status quo. A pair of
/// steps can be a reciprocal exchange (I cut here, you cut there) that leaves no one worse off, the
/// smallest package a chair's text can move by. Sweeps grow with the square of the number of
/// issues (2n single steps, at most 2n(n − 1) pairs).</para>
/// <para>Voting stops when a whole sweep passes nothing (no one-step change is acceptable to all) or
/// at the deadline (after <see cref="Rounds"/> proposals). Each party is then asked in turn to ratify
/// the final text (<see cref="Accept"/> or <see cref="Reject"/>), in the round voting stopped: it is
/// agreed only if all accept; the first rejection ends the negotiation as
/// <see cref="NegotiationStatus.Rejected"/>. A party may walk away at any turn.</para>
/// <para>If the final text is the status quo, nothing is put to ratification: agreeing to change
/// nothing is no deal. The negotiation then ends as <see cref="NegotiationStatus.Deadline"/> —
/// whether the rounds ran out or a sweep found no change all could accept, the talks ended without
/// a deal, as when alternating offers run out of time.</para>
/// <para>Time, as negotiators see it, counts votes: <see cref="TurnsAvailable"/> is rounds × parties
/// and a turn's context reports the votes cast so far, so t stays within [0, 1] through ratification;
/// <see cref="TurnsTaken"/> counts every turn, ratifications included.</para>
/// </remarks>
public sealed class SingleTextProtocol : INegotiationProtocol
{
    public const string ProtocolName = "single-text";

    /// <summary>Who proposes the changes and the final text (<see cref="TurnContext.StandingOfferBy"/>).</summary>
    public const string Mediator = "mediator";

    private readonly List<TurnRecord> _history = [];
    private readonly Dictionary<string, int> _historySeenBy = new(StringComparer.Ordinal);
    private readonly long _seed;
    private IReadOnlyList<Outcome> _sweep = [];
    private int _sweepPosition;
    private int _nextVoter;
    private bool _vetoed;
    private int _round = 1;
    private int _votesTaken;
    private int? _endRound;

    public SingleTextProtocol(string negotiationId, IReadOnlyList<string> parties, string first, int rounds, OutcomeSpace space, long seed)
    {
        ArgumentException.ThrowIfNullOrEmpty(negotiationId);
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentNullException.ThrowIfNull(space);
        Order = MoveRules.TurnOrder(parties, first);
        if (parties.Contains(Mediator))
        {
            throw new ArgumentException($"No party may be called {Mediator}.", nameof(parties));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        NegotiationId = negotiationId;
        Parties = [.. parties];
        First = first;
        Rounds = rounds;
        Space = space;
        _seed = seed;
        CurrentText = space.StatusQuo;
        StartSweep();
        if (_sweep.Count == 0)
        {
            // Every issue has a single level: there is nothing to propose.
            FinishVoting();
        }
        else
        {
            Propose();
        }
    }

    public string Name => ProtocolName;

    public string NegotiationId { get; }

    public ImmutableArray<string> Parties { get; }

    public string First { get; }

    /// <summary>The deadline: the number of proposals put to a vote.</summary>
    public int Rounds { get; }

    public OutcomeSpace Space { get; }

    /// <summary>The order in which parties vote and ratify: the first party, then the others in the order given, wrapping round.</summary>
    public ImmutableArray<string> Order { get; }

    public NegotiationStatus Status { get; private set; } = NegotiationStatus.Active;

    public bool IsActive => Status == NegotiationStatus.Active;

    /// <summary>What the parties are asked to do now.</summary>
    public TurnPhase Phase { get; private set; } = TurnPhase.Vote;

    public int Round => _endRound ?? _round;

    public int TurnsTaken { get; private set; }

    /// <summary>Votes the deadline allows: rounds × parties.</summary>
    public int TurnsAvailable => Rounds * Order.Length;

    /// <summary>Votes cast so far.</summary>
    public int VotesTaken => _votesTaken;

    public string NextParty => Order[_nextVoter];

    /// <summary>The text as it stands: the status quo, changed by every proposal that passed.</summary>
    public Outcome CurrentText { get; private set; }

    /// <summary>The proposed text while voting, the final text while ratifying.</summary>
    public Outcome? StandingOffer { get; private set; }

    public string? StandingOfferBy => StandingOffer is null ? null : Mediator;

    /// <summary>The 1-based number of the mediator's current sweep (each passed change starts a new one).</summary>
    public int Sweep { get; private set; }

    public Outcome? Agreement { get; private set; }

    public int? AgreementRound { get; private set; }

    public IReadOnlyList<TurnRecord> History => _history;

    /// <summary>
    /// The one-step changes from <paramref name="text"/>: every issue one level down or up (where in
    /// range), and every pair of such steps on two different issues, in the order the mediator tries them in sweep <paramref name="sweep"/>: a Fisher–Yates
    /// shuffle (Knuth, TAOCP vol. 2, Algorithm P) driven by the generator seeded by
    /// (<paramref name="seed"/>, <paramref name="negotiationId"/>, <c>mediator</c>, sweep).
    /// </summary>
    public static IReadOnlyList<Outcome> ProposalOrder(OutcomeSpace space, Outcome text, long seed, string negotiationId, int sweep)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(text);
        space.EnsureContains(text);
        var steps = new List<(int Issue, int Level)>();
        for (var issue = 0; issue < space.IssueCount; issue++)
        {
            if (text[issue] > 0)
            {
                steps.Add((issue, text[issue] - 1));
            }

            if (text[issue] + 1 < space.LevelCounts[issue])
            {
                steps.Add((issue, text[issue] + 1));
            }
        }

        // Changes as pairs of step indices (B = −1: a single step), materialised only when proposed:
        // with n issues there are up to 2n(n − 1) pairs, too many outcomes to hold at once on a
        // large agenda, but never too many small pairs.
        var changes = new List<(int A, int B)>(steps.Count);
        changes.AddRange(Enumerable.Range(0, steps.Count).Select(a => (a, -1)));
        for (var a = 0; a < steps.Count; a++)
        {
            for (var b = a + 1; b < steps.Count; b++)
            {
                if (steps[a].Issue != steps[b].Issue)
                {
                    changes.Add((a, b));
                }
            }
        }

        var random = SeededRandom.For(seed, negotiationId, Mediator, sweep.ToString(CultureInfo.InvariantCulture));
        for (var i = changes.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (changes[i], changes[j]) = (changes[j], changes[i]);
        }

        return new Proposals(text, steps, changes);
    }

    /// <summary>The mediator's proposals for one sweep, each built from its steps when read.</summary>
    private sealed class Proposals(Outcome text, List<(int Issue, int Level)> steps, List<(int A, int B)> changes) : IReadOnlyList<Outcome>
    {
        public int Count => changes.Count;

        public Outcome this[int index]
        {
            get
            {
                var (a, b) = changes[index];
                var levels = text.Levels.SetItem(steps[a].Issue, steps[a].Level);
                return new Outcome(b < 0 ? levels : levels.SetItem(steps[b].Issue, steps[b].Level));
            }
        }

        public IEnumerator<Outcome> GetEnumerator()
        {
            for (var i = 0; i < changes.Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>What <paramref name="party"/> knows: the proposal (or final text), the current text, and the turns since its own last one.</summary>
    public TurnContext ContextFor(string party)
    {
        EnsureParty(party);
        var seen = _historySeenBy.GetValueOrDefault(party);
        return new TurnContext(_votesTaken, TurnsAvailable, StandingOffer, StandingOfferBy, Phase, CurrentText, _history[seen..]);
    }

    /// <summary>Plays <paramref name="party"/>'s vote, veto, ratification, rejection or walk-away.</summary>
    /// <exception cref="InvalidOperationException">
    /// The negotiation is over, it is not this party's turn, or the move does not fit the phase: only
    /// a vote, a veto or a walk-away while voting; only an acceptance, a rejection or a walk-away
    /// while ratifying.
    /// </exception>
    public void Apply(string party, NegotiationAction action)
    {
        MoveRules.EnsureMayMove(this, party, action);

        switch (Phase, action)
        {
            case (_, WalkAway):
                Record(party, action, null);
                End(NegotiationStatus.WalkedAway);
                break;

            case (TurnPhase.Vote, Vote or Veto):
                Record(party, action, StandingOffer);
                _votesTaken++;
                _vetoed |= action is Veto;
                if (++_nextVoter == Order.Length)
                {
                    CloseVote();
                }

                break;

            case (TurnPhase.Ratify, Accept):
                Record(party, action, StandingOffer);
                if (++_nextVoter == Order.Length)
                {
                    Agreement = CurrentText;
                    AgreementRound = _round;
                    End(NegotiationStatus.Agreed);
                }

                break;

            case (TurnPhase.Ratify, Reject):
                Record(party, action, StandingOffer);
                End(NegotiationStatus.Rejected);
                break;

            default:
                var allowed = Phase == TurnPhase.Vote ? "vote, veto or walk away" : "accept, reject or walk away";
                throw new InvalidOperationException(
                    $"Negotiation {NegotiationId}: {party} cannot {action.Name} while {(Phase == TurnPhase.Vote ? "voting" : "ratifying")}; it may {allowed}.");
        }
    }

    public void Terminate()
    {
        if (IsActive)
        {
            End(NegotiationStatus.Terminated);
        }
    }

    /// <summary>Every party has voted on the proposal: it passes unless vetoed; then the next proposal, or the end of voting.</summary>
    private void CloseVote()
    {
        if (!_vetoed)
        {
            CurrentText = StandingOffer!;
            StartSweep();
        }
        else
        {
            _sweepPosition++;
        }

        if (_sweepPosition == _sweep.Count || _round == Rounds)
        {
            FinishVoting();
            return;
        }

        _round++;
        Propose();
    }

    private void StartSweep()
    {
        Sweep++;
        _sweep = ProposalOrder(Space, CurrentText, _seed, NegotiationId, Sweep);
        _sweepPosition = 0;
    }

    private void Propose()
    {
        StandingOffer = _sweep[_sweepPosition];
        _nextVoter = 0;
        _vetoed = false;
    }

    private void FinishVoting()
    {
        _nextVoter = 0;
        if (CurrentText == Space.StatusQuo)
        {
            End(NegotiationStatus.Deadline);
            return;
        }

        Phase = TurnPhase.Ratify;
        StandingOffer = CurrentText;
    }

    private void Record(string party, NegotiationAction action, Outcome? outcome)
    {
        TurnsTaken++;
        _history.Add(new TurnRecord(_round, TurnsTaken, party, action.Kind, outcome));
        _historySeenBy[party] = _history.Count;
    }

    private void End(NegotiationStatus status)
    {
        Status = status;
        _endRound = _round;
    }

    private void EnsureParty(string party) => MoveRules.EnsureParty(this, party);
}
