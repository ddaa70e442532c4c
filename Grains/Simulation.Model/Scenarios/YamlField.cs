namespace Simulation.Model.Scenarios;

/// <summary>A node together with its path in the document, which is what every error needs.</summary>
internal readonly record struct YamlField(YamlNode Node, string Path);
