using Simulation.Model.Negotiation;

namespace Simulation.Model.Reporting;

/// <summary>
/// One turn of a negotiation's history (DESIGN §6.2, §6.4): its round and turn (1-based), who moved,
/// the move (<c>offer</c>, <c>accept</c>, <c>vote</c>…), the outcome concerned (left out for a
/// walk-away), and each party's utility of it: undiscounted, in the world that party's seat was priced
/// in at that turn.
/// </summary>
public sealed record TurnOutcome(
    int Round,
    int Turn,
    string Party,
    MoveKind Action,
    IReadOnlyList<OutcomeEntry>? Offer,
    IReadOnlyDictionary<string, double>? Utility);
