namespace Simulation.Model.Negotiation;

/// <summary>A Pareto-optimal outcome and each party's value V of it, in the order the parties were given.</summary>
public sealed record ParetoPoint(Outcome Outcome, IReadOnlyList<double> Values);
