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

    /// <summary>
    /// Where the mapping is in the text read, as character offsets from its first character to just
    /// past its last value: a table written <c>{ file: NAME.csv }</c> is replaced there by its rows
    /// (<see cref="TableFiles.Inline"/>).
    /// </summary>
    public (int Start, int End) Span { get; init; }

    public YamlMappingEntry? Find(string key) => _byKey.GetValueOrDefault(key);

    public override string Describe() => "a mapping";
}
