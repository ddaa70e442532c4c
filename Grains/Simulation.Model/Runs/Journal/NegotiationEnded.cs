using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;

namespace Simulation.Model.Runs.Journal;

/// <summary>
/// A negotiation ended, in run round <see cref="Round"/> (a negotiation that never opened ends with
/// the run): its status, its own round of the agreement or the last it played, the agreement as
/// level indices and as a person reads it (null without one), each party's utility, reservation and
/// gain, and the bargaining analysis, all in the world in which it concluded (DESIGN §4.5, §6.2).
/// </summary>
public sealed record NegotiationEnded(
    int Round,
    string Negotiation,
    NegotiationStatus Status,
    int NegotiationRound,
    IReadOnlyList<int>? Levels,
    IReadOnlyList<OutcomeEntry>? Agreement,
    IReadOnlyDictionary<string, double> Utility,
    IReadOnlyDictionary<string, double> Reservation,
    IReadOnlyDictionary<string, double> Gain,
    AnalysisOutcome Analysis) : RunEvent;
