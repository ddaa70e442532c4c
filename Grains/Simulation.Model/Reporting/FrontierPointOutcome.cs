namespace Simulation.Model.Reporting;

/// <summary>A point of a negotiation's Pareto frontier: its outcome, and each party's normalised utility and gain (in units).</summary>
public sealed record FrontierPointOutcome(
    IReadOnlyList<OutcomeEntry> Outcome,
    IReadOnlyDictionary<string, double> Utility,
    IReadOnlyDictionary<string, double> Gain);
