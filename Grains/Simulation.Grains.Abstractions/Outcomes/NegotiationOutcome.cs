using System.Text.Json.Serialization;

namespace Simulation.Grains.Abstractions.Outcomes;

/// <summary>
/// How a negotiation ended. <see cref="Round"/> is the round of the agreement, or the last round
/// played. Utility, reservation and gain are per party, under the utilities that held at the end;
/// without an agreement a party keeps the no-deal outcome (gain 0). <see cref="Analysis"/> places
/// the result among what was possible. <see cref="History"/> is every turn played, as the trace
/// (`run --trace`) writes it.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.NegotiationOutcome")]
public sealed record NegotiationOutcome(
    [property: Id(0)] string Id,
    [property: Id(1)] IReadOnlyList<string> Parties,
    [property: Id(2)] string Protocol,
    [property: Id(3)] string Status,
    [property: Id(4)] int Round,
    [property: Id(5), JsonIgnore(Condition = JsonIgnoreCondition.Never)] IReadOnlyList<OutcomeEntry>? Agreement,
    [property: Id(6)] IReadOnlyDictionary<string, double> Utility,
    [property: Id(7)] IReadOnlyDictionary<string, double> Reservation,
    [property: Id(8)] IReadOnlyDictionary<string, double> Gain,
    [property: Id(9)] AnalysisOutcome Analysis,
    [property: Id(10)] IReadOnlyList<TurnOutcome> History);
