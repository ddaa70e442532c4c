namespace Simulation.Model.Scenarios;

/// <summary>One key and its value in a <see cref="YamlMapping"/>.</summary>
internal sealed class YamlMappingEntry(YamlScalar key, YamlNode value)
{
    public YamlScalar Key { get; } = key;

    public YamlNode Value { get; } = value;
}
