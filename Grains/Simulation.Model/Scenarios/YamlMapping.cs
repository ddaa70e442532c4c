namespace Simulation.Model.Scenarios;

/// <summary>
/// A YAML mapping with scalar keys, in the order of the file. Keys are unique: the tree reader
/// reports a duplicate and keeps the first occurrence.
/// </summary>
internal sealed class YamlMapping : YamlNode
{
    private readonly Dictionary<string, YamlMappingEntry> _byKey;

    public YamlMapping(IReadOnlyList<YamlMappingEntry> entries, int line, int column)
        : base(line, column)
    {
        Entries = entries;
        _byKey = entries.ToDictionary(e => e.Key.Value, StringComparer.Ordinal);
    }

    public IReadOnlyList<YamlMappingEntry> Entries { get; }

    public YamlMappingEntry? Find(string key) => _byKey.GetValueOrDefault(key);

    public override string Describe() => "a mapping";
}
