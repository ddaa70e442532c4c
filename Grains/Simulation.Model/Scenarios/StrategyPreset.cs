using Simulation.Model.Registries;

namespace Simulation.Model.Scenarios;

/// <summary>
/// A strategy a scenario can name in one word (DESIGN §4.4): <c>strategy: boulware</c> stands for a
/// bidding strategy with its parameters, the default acceptance condition and the default opponent model.
/// </summary>
public sealed class StrategyPreset : IRegistryEntry
{
    public StrategyPreset(string name, string description, StrategySpec strategy)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(strategy);
        Name = name;
        Description = description;
        Strategy = strategy with { Preset = name };
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>A preset's numbers are fixed; a map <c>{ type, … }</c> sets them.</summary>
    public IReadOnlyList<EntryParameter> Parameters => [];

    /// <summary>The strategy the name stands for, labelled with the name.</summary>
    public StrategySpec Strategy { get; }
}
