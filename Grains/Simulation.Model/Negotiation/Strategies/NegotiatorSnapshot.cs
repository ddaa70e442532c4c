namespace Simulation.Model.Negotiation;

/// <summary>
/// A negotiator's state for display (the live page, the grain-state view): its reservation, and
/// the target and offer of its last decision, if it has made one.
/// </summary>
public sealed record NegotiatorSnapshot(
    string Party,
    string Strategy,
    double Reservation,
    double? LastTarget,
    Outcome? LastOffer,
    double? LastOfferUtility,
    MoveKind? LastAction);
