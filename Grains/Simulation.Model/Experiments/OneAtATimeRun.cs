namespace Simulation.Model.Experiments;

/// <summary>
/// A run of a tornado: one estimate set to one end of its range (<see cref="AtHigh"/> false: low),
/// every other number as written.
/// </summary>
public sealed record OneAtATimeRun(string Input, bool AtHigh, ScenarioSetting Setting);
