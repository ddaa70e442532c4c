namespace Simulation.Model.Runs.Journal;

/// <summary>
/// Run round <see cref="Round"/> has been played and its agreements applied: how many negotiations
/// played it, and the last round the run can reach as it stands (<see cref="RunEngine.Horizon"/>).
/// Everything up to this event is the state a resumed run starts from.
/// </summary>
public sealed record RoundCompleted(int Round, int ActiveNegotiations, int Horizon) : RunEvent;
