using Simulation.Model.Determinism;
using Simulation.Model.Registries;

namespace Simulation.Model.Negotiation;

/// <summary>
/// Time-dependent bidding (Faratin, Sierra &amp; Jennings 1998, as in GENIUS; DESIGN §4.4): the target
/// follows a <see cref="ConcessionCurve"/> from Pmax = 1 down to Pmin = max(r, lowest utility), and
/// the bid is the best worst-off outcome worth at least the target (<see cref="BidSelector"/>).
/// </summary>
public sealed class TimeDependentBidding(ConcessionCurve curve) : IBiddingStrategy
{
    public const string Name = "time-dependent";

    public ConcessionCurve Curve { get; } = curve ?? throw new ArgumentNullException(nameof(curve));

    public string Label => Curve.ToString();

    public static ComponentEntry<IBiddingStrategy> Entry { get; } = new(
        Name,
        "target τ(t) = Pmin + (Pmax − Pmin)(1 − F(t)), F(t) = k + (1 − k)·t^(1/e)",
        [
            new EntryParameter("e", 0, 100, 1, "concession exponent: 0 never concedes, < 1 concedes late (Boulware), 1 linearly, > 1 early (Conceder)",
                "at e = 100 a negotiator already concedes almost everything on its first turn"),
            new EntryParameter("k", 0, 1, 0, "initial constant: the share of the range conceded at t = 0"),
        ],
        settings => new TimeDependentBidding(new ConcessionCurve(settings["e"], settings["k"])));

    public void Reprice(NegotiationView view)
    {
    }

    public Bid Propose(TurnContext turn, BiddingContext context, DeferredRandom random)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(context);
        var self = context.View.Self;
        var target = Curve.Target(turn.Time, Math.Max(self.Reservation, self.MinUtility), 1);
        return new Bid(context.Selector.Bid(target, random), target);
    }
}
