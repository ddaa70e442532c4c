namespace Simulation.Model.Runs.Journal;

/// <summary>The run is over after <see cref="RoundsPlayed"/> rounds; the last event of every finished run.</summary>
public sealed record RunEnded(int RoundsPlayed) : RunEvent;
