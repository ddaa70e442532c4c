using Simulation.Model.Negotiation;

namespace Simulation.Model.Runs;

/// <summary>
/// One turn of a run's trace (DESIGN §6.4): the negotiation's round and turn, who moved, the move,
/// the outcome concerned (null for a walk-away), and each party's undiscounted utility of it, in the
/// world its seat was priced in at that turn, in the negotiation's party order (empty without an outcome).
/// </summary>
public sealed record TurnPlayed(int Round, int Turn, string Party, MoveKind Action, Outcome? Offer, IReadOnlyList<double> Utilities);
