namespace Simulation.Model.Scenarios;

/// <summary>
/// A scenario read from a file, with its text standing alone: the file's text, except that each
/// table read from a CSV file is written inline (<see cref="ScenarioLoader.Load(string)"/>).
/// </summary>
public sealed record LoadedScenario(string Text, Scenario Scenario);
