namespace Simulation.Model.Runs;

/// <summary>
/// Where a run's clock stands after a round: the round just played, how many negotiations played
/// it, and the last round the run can reach as it stands (<see cref="RunEngine.Horizon"/>).
/// </summary>
public sealed record RunClock(int Round, int ActiveNegotiations, int Horizon);
