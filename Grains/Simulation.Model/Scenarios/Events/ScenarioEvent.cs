namespace Simulation.Model.Scenarios.Events;

/// <summary>
/// Something that happens to the world or a negotiation during a run (DESIGN §5.1), declared under
/// <c>events:</c>. One record per type, each in the file of its <see cref="EventType"/>, registered in
/// <see cref="EventTypes"/>. Every name in an event was checked by the loader.
/// </summary>
public abstract record ScenarioEvent
{
    private protected ScenarioEvent(EventTrigger trigger) => Trigger = trigger;

    /// <summary>When the event fires.</summary>
    public EventTrigger Trigger { get; }

    /// <summary>The event's <c>type:</c> as written in a scenario.</summary>
    public abstract string Type { get; }
}
