using Simulation.Model.Determinism;

namespace Simulation.Model.Negotiation;

/// <summary>
/// The subgame-perfect strategy of the finite-horizon alternating-offers game (DESIGN §4.4), two
/// parties only, with complete information: it uses the other's true utility, discount and
/// reservation. The game is solved by <see cref="BackwardInduction"/> over the Pareto frontier of the
/// two true utilities (a subgame-perfect proposer never offers a dominated outcome: the dominating
/// one is accepted as well and better for it), for the deadline and the turn order the protocol
/// reports. It decides acceptance itself: it accepts an offer made at turn m iff its undiscounted
/// utility is at least δ·V(m + 1), what proposing next is worth to it (an indifferent responder
/// accepts; on the last turn, anything worth its reservation).
/// </summary>
public sealed class BackwardInductionBidding : IBiddingStrategy, IAcceptanceCondition
{
    public const string Name = "backward-induction";

    private NegotiationView? _view;
    private double[] _own = [];
    private double[] _other = [];
    private Outcome[] _outcomes = [];
    private (int Turns, bool OwnFirst, BackwardInductionPlan Plan)? _plan;

    public string Label => Name;

    public static ComponentEntry<IBiddingStrategy> Entry { get; } = new(
        Name,
        "the subgame-perfect strategy of the finite alternating-offers game (complete information, two parties)",
        [],
        _ => new BackwardInductionBidding(),
        MaxParties: 2,
        DecidesAcceptance: true);

    public void Reprice(NegotiationView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.Opponents.Count != 1)
        {
            throw new ArgumentException("Backward induction is defined for two parties.", nameof(view));
        }

        var other = view.Opponents[0].Preferences;
        var frontier = ParetoFrontier.Build(view.Space, [view.Self.Values, other.Values]);
        _outcomes = [.. frontier.Points.Select(p => p.Outcome)];
        _own = [.. frontier.Points.Select(p => view.Self.UtilityOfValue(p.Values[0]))];
        _other = [.. frontier.Points.Select(p => other.UtilityOfValue(p.Values[1]))];
        _view = view;
        _plan = null;
    }

    /// <summary>The equilibrium plan for a deadline of <paramref name="turns"/> turns, this party proposing first or second.</summary>
    public BackwardInductionPlan PlanFor(int turns, bool ownFirst)
    {
        var view = _view ?? throw new InvalidOperationException("No table yet.");
        if (_plan is { } cached && cached.Turns == turns && cached.OwnFirst == ownFirst)
        {
            return cached.Plan;
        }

        var other = view.Opponents[0];
        var plan = ownFirst
            ? BackwardInduction.Solve(_own, _other, view.Discount, other.Discount, turns, view.Self.Reservation, other.Preferences.Reservation)
            : BackwardInduction.Solve(_other, _own, other.Discount, view.Discount, turns, other.Preferences.Reservation, view.Self.Reservation);
        _plan = (turns, ownFirst, plan);
        return plan;
    }

    public Bid Propose(TurnContext turn, BiddingContext context, DeferredRandom random)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var m = turn.TurnsTaken + 1;
        var ownFirst = m % 2 == 1;
        var plan = PlanFor(turn.TurnsAvailable, ownFirst);
        var index = plan.OfferAt(m);
        if (index < 0)
        {
            // It prefers the next subgame to any offer the other accepts: it offers what the other values least.
            index = 0;
            for (var k = 1; k < _other.Length; k++)
            {
                if (_other[k] < _other[index] || (_other[k] == _other[index] && _own[k] > _own[index]))
                {
                    index = k;
                }
            }
        }

        return new Bid(_outcomes[index], _own[index]);
    }

    public bool Accepts(TurnContext turn, Outcome offer, Bid nextBid, NegotiationView view)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(view);
        var m = turn.TurnsTaken + 1;
        // The offer was made at the turn of its record, or (protocols that report no moves) the turn before this one.
        var offerTurn = turn.Moves.LastOrDefault(r => r.Action == MoveKind.Offer && r.Offer == offer)?.Turn ?? m - 1;
        var plan = PlanFor(turn.TurnsAvailable, ownFirst: m % 2 == 1);
        var responder = m % 2 == 1 ? 0 : 1;
        return offerTurn >= 1 && view.Self.Utility(offer) >= plan.AcceptanceThreshold(offerTurn, responder);
    }
}
