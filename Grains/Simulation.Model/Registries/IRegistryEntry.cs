namespace Simulation.Model.Registries;

/// <summary>
/// A named part a scenario can choose (DESIGN §2 "Seams"): a protocol, a negotiator component, a
/// market model, an objective or an event type. Its name is what scenario files and outcomes write;
/// its description is one line, for <c>tradesim list</c>, help and the schema.
/// </summary>
public interface IRegistryEntry
{
    string Name { get; }

    string Description { get; }

    /// <summary>The numbers a scenario may set on it, with their ranges and defaults (often none).</summary>
    IReadOnlyList<EntryParameter> Parameters { get; }
}
