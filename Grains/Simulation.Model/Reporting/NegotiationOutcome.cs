using System.Text.Json.Serialization;
using Simulation.Model.Negotiation;

namespace Simulation.Model.Reporting;

/// <summary>
/// How a negotiation ended. <see cref="Round"/> is the round of the agreement, or the last round
/// played. Utility, reservation and gain are per party, under the utilities that held at the end;
/// without an agreement a party keeps the no-deal outcome (gain 0). A gain is the change in the
/// party's own objective, not its welfare: <see cref="GainMeasure"/> names it per party
/// (<see cref="GainMeasures"/>), so that a mercantilist score is never read as ΔW. <see cref="Analysis"/> places
/// the result among what was possible. <see cref="History"/> is every turn played, as the trace
/// (`run --trace`) writes it.
/// </summary>
public sealed record NegotiationOutcome(
    string Id,
    IReadOnlyList<string> Parties,
    string Protocol,
    NegotiationStatus Status,
    int Round,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] IReadOnlyList<OutcomeEntry>? Agreement,
    IReadOnlyDictionary<string, double> Utility,
    IReadOnlyDictionary<string, double> Reservation,
    IReadOnlyDictionary<string, double> Gain,
    IReadOnlyDictionary<string, string> GainMeasure,
    AnalysisOutcome Analysis,
    IReadOnlyList<TurnOutcome> History);
