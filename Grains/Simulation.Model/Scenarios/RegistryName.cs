using Simulation.Model.Registries;

namespace Simulation.Model.Scenarios;

/// <summary>
/// Reads a name that must be one of a registry's (a protocol, model, objective, event type or
/// negotiator component): an unknown one is an error listing the available names, with the closest
/// as a "did you mean".
/// </summary>
internal static class RegistryName
{
    /// <summary>The entry <paramref name="field"/> names, or null (and an error) when it names none.</summary>
    /// <param name="what">How the message calls the name: "protocol", "strategy type".</param>
    public static TEntry? Read<TEntry>(YamlField field, Registry<TEntry> registry, InputErrorList errors, string what)
        where TEntry : class, IRegistryEntry
    {
        if (ScalarReader.Text(field, errors) is not { } name)
        {
            return null;
        }

        if (registry.Find(name) is { } entry)
        {
            return entry;
        }

        var hint = Suggestion.Closest(name, registry.Names) is { } closest ? $"; did you mean '{closest}'?" : "";
        errors.Add(field.Node, field.Path, $"{what} {Quoted.Text(name)} is unknown (available: {Listing.Of(registry.Names)}){hint}");
        return null;
    }
}
