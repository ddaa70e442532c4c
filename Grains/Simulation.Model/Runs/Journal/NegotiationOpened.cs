namespace Simulation.Model.Runs.Journal;

/// <summary>
/// A negotiation opened at the start of run round <see cref="Round"/>: its parties in their order,
/// its protocol, and its deadline as the last run round it may play (its own rounds count from 1 here).
/// </summary>
public sealed record NegotiationOpened(int Round, string Negotiation, IReadOnlyList<string> Parties, string Protocol, int Deadline) : RunEvent;
