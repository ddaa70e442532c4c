using Simulation.Model.Registries;

namespace Simulation.Model.Scenarios.Events;

/// <summary>
/// The event types a scenario's <c>events:</c> can name (DESIGN §5.1). Adding one: a file with its
/// record and its <see cref="EventType"/> (keys, action, wording), and a line here.
/// </summary>
public static class EventTypes
{
    /// <summary>The types, in the order help, error messages and the schema list them.</summary>
    public static Registry<EventType> Registry { get; } = new("event type",
    [
        TerminateEvent.Definition,
        SetTariffEvent.Definition,
        StartEvent.Definition,
        SetStrategyEvent.Definition,
        SetWeightsEvent.Definition,
    ]);

    /// <summary>The type of <paramref name="scenarioEvent"/>.</summary>
    public static EventType Of(ScenarioEvent scenarioEvent)
    {
        ArgumentNullException.ThrowIfNull(scenarioEvent);
        return Registry[scenarioEvent.Type];
    }
}
