namespace Simulation.Model.Negotiation;

/// <summary>A bidding strategy's choice for a turn: the outcome and the target utility it was chosen for.</summary>
public sealed record Bid(Outcome Outcome, double Target);
