using Simulation.Model.Negotiation;

namespace Simulation.Model.Runs;

/// <summary>
/// How a negotiation of a run ended: status, the round of the agreement or the last round played,
/// the agreement, each party's assessment and the bargaining analysis in the world in which it
/// concluded, and its turns.
/// </summary>
public sealed record NegotiationResult(
    string Id,
    NegotiationStatus Status,
    int Round,
    Outcome? Agreement,
    IReadOnlyDictionary<string, SeatAssessment> Assessments,
    NegotiationAnalysis Analysis,
    IReadOnlyList<TurnPlayed> History);
