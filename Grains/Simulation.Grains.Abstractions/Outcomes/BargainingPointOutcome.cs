namespace Simulation.Grains.Abstractions.Outcomes;

/// <summary>A point of the bargaining analysis (Nash, Kalai–Smorodinsky, maximum welfare): its outcome and each party's normalised utility.</summary>
[GenerateSerializer, Immutable, Alias("TradeSim.Outcomes.BargainingPointOutcome")]
public sealed record BargainingPointOutcome(
    [property: Id(0)] IReadOnlyList<OutcomeEntry> Outcome,
    [property: Id(1)] IReadOnlyDictionary<string, double> Utility);
