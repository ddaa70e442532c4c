namespace Simulation.Model.Scenarios;

/// <summary>
/// A node of a parsed scenario document, with the 1-based position where it starts so that every
/// error can point at it. Plain classes rather than records on purpose: aliases make nodes shared,
/// and generated equality or <c>ToString</c> would walk every expansion.
/// </summary>
internal abstract class YamlNode(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    /// <summary>What the node is, for messages: "a mapping", "a list", "the text 'x'".</summary>
    public abstract string Describe();
}
