namespace Simulation.Model.Scenarios;

/// <summary>
/// A country (ISO code, or ROW for the rest of the world). <see cref="Negotiates"/> is false for
/// ROW-like entries that trade but never sit at a table. <see cref="Strategy"/> is the country's
/// default negotiating strategy; a negotiation may override it per party.
/// </summary>
public sealed record Country(string Id, string Name, bool Negotiates, ObjectiveKind Objective, StrategySpec Strategy);
