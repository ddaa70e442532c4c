namespace Simulation.Model.Reporting;

/// <summary>A point of the bargaining analysis (Nash, Kalai–Smorodinsky, maximum welfare): its outcome and each party's normalised utility.</summary>
public sealed record BargainingPointOutcome(
    IReadOnlyList<OutcomeEntry> Outcome,
    IReadOnlyDictionary<string, double> Utility);
