namespace Simulation.Grains.Abstractions.Outcomes;

/// <summary>A point of a negotiation's Pareto frontier: its outcome, and each party's normalised utility and gain (in units).</summary>
[GenerateSerializer, Immutable, Alias("TradeSim.Outcomes.FrontierPointOutcome")]
public sealed record FrontierPointOutcome(
    [property: Id(0)] IReadOnlyList<OutcomeEntry> Outcome,
    [property: Id(1)] IReadOnlyDictionary<string, double> Utility,
    [property: Id(2)] IReadOnlyDictionary<string, double> Gain);
