namespace Simulation.Model.Negotiation;

/// <summary>
/// One turn in a negotiation's history: its round and turn numbers (both 1-based), who moved, the
/// kind of move, and the outcome concerned: the one offered,
/// or for an accept the one accepted; null for a walk-away.
/// </summary>
public sealed record TurnRecord(int Round, int Turn, string Party, MoveKind Action, Outcome? Offer);
