using Simulation.Model.Reporting;

namespace Simulation.Model.Runs.Journal;

/// <summary>
/// A scenario event applied at the start of run round <see cref="Round"/>: its index in the
/// scenario's <c>events</c> (0-based) and what it did, as the outcome lists it (DESIGN §6.2).
/// An event with nothing to act on is not applied and not reported.
/// </summary>
public sealed record EventApplied(int Round, int Index, EventOutcome Applied) : RunEvent;
