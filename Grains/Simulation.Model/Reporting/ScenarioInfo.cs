namespace Simulation.Model.Reporting;

/// <summary>Which scenario produced an outcome: its name, the file it was read from, and the SHA-256 of its text.</summary>
public sealed record ScenarioInfo(
    string Name,
    string File,
    string Sha256);
