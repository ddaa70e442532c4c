using Simulation.Model.Registries;

namespace Simulation.Model.Negotiation;

/// <summary>AC_const (Baarslag, Hindriks &amp; Jonker 2011): accept an offer worth at least α, and never one below the reservation.</summary>
public sealed class ConstantAcceptance(double alpha) : IAcceptanceCondition
{
    public const string Name = "constant";

    public double Alpha { get; } = alpha is >= 0 and <= 1 ? alpha : throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α lies in [0, 1].");

    public static ComponentEntry<IAcceptanceCondition> Entry { get; } = new(
        Name,
        "accept an offer worth at least α (and the reservation)",
        [new EntryParameter("alpha", 0, 1, null, "the utility an offer must reach to be accepted")],
        settings => new ConstantAcceptance(settings["alpha"]));

    public bool Accepts(TurnContext turn, Outcome offer, Bid nextBid, NegotiationView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var utility = view.Self.Utility(offer);
        return utility >= Alpha && utility >= view.Self.Reservation;
    }
}
