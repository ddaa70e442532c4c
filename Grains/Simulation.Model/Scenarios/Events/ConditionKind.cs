using Simulation.Model.Registries;

namespace Simulation.Model.Scenarios.Events;

/// <summary>
/// One kind of <c>when:</c> condition (DESIGN §5.1), as <see cref="Conditions"/> finds it: by the key
/// it leads with (its <see cref="Name"/>), with the keys it allows and how it reads itself into its
/// <see cref="ConditionTrigger"/>. Declared in the file of its trigger.
/// </summary>
public sealed class ConditionKind : IRegistryEntry
{
    private readonly Func<MappingFields, EventReader, ConditionTrigger?> _read;

    internal ConditionKind(string name, string description, IReadOnlyList<string> keys, Func<MappingFields, EventReader, ConditionTrigger?> read)
    {
        Name = name;
        Description = description;
        Keys = keys;
        _read = read;
    }

    /// <summary>The key the condition leads with: <c>negotiation</c>, <c>tariff</c>, <c>exports</c>.</summary>
    public string Name { get; }

    public string Description { get; }

    /// <summary>A condition has keys, not numeric parameters.</summary>
    public IReadOnlyList<EntryParameter> Parameters => [];

    /// <summary>Every key the condition allows, its leading key first.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>Reads the condition from its <c>when:</c>, opened with <see cref="Keys"/>; null, with the errors, when it is wrong.</summary>
    internal ConditionTrigger? Read(MappingFields fields, EventReader reader) => _read(fields, reader);
}
