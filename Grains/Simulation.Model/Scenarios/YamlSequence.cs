namespace Simulation.Model.Scenarios;

/// <summary>A YAML sequence (a list), in the order of the file.</summary>
internal sealed class YamlSequence(IReadOnlyList<YamlNode> items, int line, int column) : YamlNode(line, column)
{
    public IReadOnlyList<YamlNode> Items { get; } = items;

    public override string Describe() => "a list";
}
