using Simulation.Model.Determinism;

namespace Simulation.Model.Negotiation;

/// <summary>
/// The B of BOA (Baarslag et al. 2014, DESIGN §4.4): what to offer on a turn, and the target utility
/// (undiscounted, in [0, 1]) it aimed at, which the acceptance condition and displays use.
/// A strategy that also implements <see cref="IAcceptanceCondition"/> decides acceptance itself
/// (backward induction's subgame-perfect responses).
/// </summary>
public interface IBiddingStrategy
{
    /// <summary>A short label for tables and JSON.</summary>
    string Label { get; }

    /// <summary>Takes (or retakes, after the world changed) the table as it stands; its own state survives.</summary>
    void Reprice(NegotiationView view);

    Bid Propose(TurnContext turn, BiddingContext context, DeferredRandom random);
}
