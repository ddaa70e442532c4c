namespace Simulation.Model.Runs;

/// <summary>Where a run's clock stands after a round: the round just played and how many negotiations played it.</summary>
public sealed record RunClock(int Round, int ActiveNegotiations);
