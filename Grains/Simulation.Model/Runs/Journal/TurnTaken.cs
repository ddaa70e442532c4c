using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;

namespace Simulation.Model.Runs.Journal;

/// <summary>
/// A turn of a negotiation (DESIGN §6.4): the run round it was played in, the negotiation's own round
/// and turn (1-based), who moved and what move it was (an offer made, an offer or text accepted, the
/// text rejected at ratification, a vote or veto of the mediator's change, a walk-away), the outcome
/// concerned as level indices and as a person reads it (null for a walk-away), and each party's
/// undiscounted utility of it, in the world its seat was priced in at that turn (null without an
/// outcome). One record for every move, told apart by <see cref="Move"/>: the moves share every field.
/// </summary>
public sealed record TurnTaken(
    int Round,
    string Negotiation,
    int NegotiationRound,
    int Turn,
    string Party,
    MoveKind Move,
    IReadOnlyList<int>? Levels,
    IReadOnlyList<OutcomeEntry>? Outcome,
    IReadOnlyDictionary<string, double>? Utility) : RunEvent;
