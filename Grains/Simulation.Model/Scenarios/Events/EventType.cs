using Simulation.Model.Registries;
using Simulation.Model.Reporting;
using Simulation.Model.Runs;

namespace Simulation.Model.Scenarios.Events;

/// <summary>
/// One kind of scenario event (DESIGN §5.1), all of it in one file: the keys the loader reads for it
/// and their checks, what the run engine does when it fires, its entry in the outcome, and how a
/// person reads it once applied.
/// Found by its <c>type:</c> in <see cref="EventTypes"/>. The trigger (<c>round:</c> or
/// <c>when:</c>) is common to every type and read by the loader before the type's own keys.
/// </summary>
public abstract class EventType : IRegistryEntry
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    /// <summary>An event has keys, not numeric parameters.</summary>
    public IReadOnlyList<EntryParameter> Parameters => [];

    /// <summary>The type's own keys, in the order the schema lists them.</summary>
    public abstract IReadOnlyList<EventKey> Keys { get; }

    /// <summary>JSON Schema keywords the type's object adds beyond its keys (e.g. "one of these two"), or null.</summary>
    public virtual string? SchemaConstraint => null;

    /// <summary>
    /// Reads the type's keys (the mapping allows only the trigger, <c>type</c> and <see cref="Keys"/>);
    /// reports what is wrong to <paramref name="reader"/> and returns null then, or when the trigger was
    /// unreadable (its keys are still checked, so every error is reported at once).
    /// </summary>
    internal abstract ScenarioEvent? Read(MappingFields fields, EventTrigger? trigger, EventReader reader);

    /// <summary>
    /// Applies the event, the <paramref name="index"/>-th of the scenario's, at the start of the run's
    /// round; null when it has nothing to act on, and is then not listed as applied.
    /// </summary>
    internal abstract Task<AppliedEvent?> ApplyAsync(IEventActions run, int index, ScenarioEvent scenarioEvent);

    /// <summary>The event's entry in the outcome (DESIGN §6.2 <c>events[]</c>): the fields of its type, as applied.</summary>
    public abstract EventOutcome Outcome(AppliedEvent applied);

    /// <summary>The event as it fired, in one line for the silo's log and the dashboard: <c>USA ends USA-CAN</c>.</summary>
    public string Describe(AppliedEvent applied) => Describe(Outcome(applied));

    /// <summary>What fired an event, after its words: <c> (when tariff USA←CAN steel 50, above 25)</c>; empty for an entry without <see cref="EventOutcome.When"/>.</summary>
    public static string Because(EventOutcome entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.When is { } when ? $" (when {when})" : "";
    }

    /// <summary>
    /// The event as its outcome entry records it, in the same words: the run events carry the entry,
    /// not the scenario's event, so the log, the live page and the dashboard word it from there.
    /// </summary>
    public abstract string Describe(EventOutcome entry);

    /// <summary>
    /// An outcome's entry of this type in words, for the CLI's events table and timeline, which read
    /// outcomes (also one from a file): <c>USA ends USA-CAN</c>, <c>CAN now plays boulware</c>.
    /// </summary>
    public abstract string Narrate(EventOutcome entry, EventNumbers numbers);
}

/// <summary>An event type whose events are <typeparamref name="TEvent"/> records.</summary>
public abstract class EventType<TEvent> : EventType
    where TEvent : ScenarioEvent
{
    internal sealed override Task<AppliedEvent?> ApplyAsync(IEventActions run, int index, ScenarioEvent scenarioEvent) =>
        ApplyAsync(run, index, (TEvent)scenarioEvent);

    public sealed override EventOutcome Outcome(AppliedEvent applied)
    {
        ArgumentNullException.ThrowIfNull(applied);
        return Outcome((TEvent)applied.Event, applied) with { When = applied.When };
    }

    internal abstract Task<AppliedEvent?> ApplyAsync(IEventActions run, int index, TEvent scenarioEvent);

    protected abstract EventOutcome Outcome(TEvent scenarioEvent, AppliedEvent applied);
}
