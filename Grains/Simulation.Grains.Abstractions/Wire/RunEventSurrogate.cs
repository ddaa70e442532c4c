using System.Text.Json;
using Simulation.Model.Reporting;
using Simulation.Model.Runs.Journal;

namespace Simulation.Grains.Abstractions.Wire;

/// <summary>
/// A run event as it travels and as a run grain keeps it: its journal line (<see cref="RunJournal.Line"/>,
/// docs/run-journal.md), so the wire, the grain's record and the journal file are one format and
/// an event read back is the event written. Orleans picks a codec by an object's own type, so each
/// kind of event has its converter (<see cref="RunEventConverter{T}"/>), all to this one surrogate.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.RunEvent.Json")]
public readonly record struct RunEventSurrogate([property: Id(0)] string Line)
{
    /// <summary>The event a journal line holds.</summary>
    /// <exception cref="JsonException">The line is no run event.</exception>
    public static RunEvent Read(string line) =>
        JsonSerializer.Deserialize<RunEvent>(line, RunOutcomeJson.Complete) ?? throw new JsonException("A run event's line held null.");
}

/// <summary>One kind of run event to and from its journal line.</summary>
public abstract class RunEventConverter<T> : IConverter<T, RunEventSurrogate>
    where T : RunEvent
{
    public T ConvertFromSurrogate(in RunEventSurrogate surrogate) =>
        RunEventSurrogate.Read(surrogate.Line) as T
        ?? throw new JsonException($"A {typeof(T).Name} travelled as another line: {surrogate.Line}");

    public RunEventSurrogate ConvertToSurrogate(in T value) => new(RunJournal.Line(value));
}

[RegisterConverter]
public sealed class RunStartedConverter : RunEventConverter<RunStarted>;

[RegisterConverter]
public sealed class NegotiationOpenedConverter : RunEventConverter<NegotiationOpened>;

[RegisterConverter]
public sealed class TurnTakenConverter : RunEventConverter<TurnTaken>;

[RegisterConverter]
public sealed class NegotiationEndedConverter : RunEventConverter<NegotiationEnded>;

[RegisterConverter]
public sealed class EventAppliedConverter : RunEventConverter<EventApplied>;

[RegisterConverter]
public sealed class WorldChangedConverter : RunEventConverter<WorldChanged>;

[RegisterConverter]
public sealed class RoundCompletedConverter : RunEventConverter<RoundCompleted>;

[RegisterConverter]
public sealed class RunEndedConverter : RunEventConverter<RunEnded>;
