namespace Simulation.Model.Scenarios;

/// <summary>
/// A scalar as written. <see cref="IsPlain"/> is false for quoted and block scalars: only plain
/// scalars can be numbers, booleans or null, so <c>"5"</c> stays text, as in JSON.
/// </summary>
internal sealed class YamlScalar(string value, bool isPlain, int line, int column) : YamlNode(line, column)
{
    public string Value { get; } = value;

    public bool IsPlain { get; } = isPlain;

    /// <summary>The YAML 1.2 core-schema nulls: an empty plain scalar, <c>~</c> and <c>null</c>.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "null" : Quoted.Text(Value);
}
