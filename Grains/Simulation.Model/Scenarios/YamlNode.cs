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

    /// <summary>
    /// The table file this node was read from (a <c>{ file: NAME.csv }</c> table, DESIGN §6.1), or
    /// null for a node of the scenario's own text: errors then name that file, and its line.
    /// </summary>
    public string? File { get; init; }

    /// <summary>What the node is, for messages: "a mapping", "a list", "the text 'x'".</summary>
    public abstract string Describe();
}
