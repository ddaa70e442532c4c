namespace Simulation.Model.Negotiation;

/// <summary>
/// What any protocol may need to start: the negotiation, its parties (in the scenario's order), who
/// moves first, the deadline in rounds, the outcome space (a mediator walks its levels) and the run
/// seed (a mediator draws the order of its proposals from it, DESIGN §5.2).
/// </summary>
public sealed record ProtocolSetup(
    string NegotiationId,
    IReadOnlyList<string> Parties,
    string First,
    int Rounds,
    OutcomeSpace Space,
    long Seed);
