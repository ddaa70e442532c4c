namespace Simulation.Model.Scenarios.Events;

/// <summary>
/// A key an event type reads beside its trigger and <c>type</c>: its name, whether every event of the
/// type needs it, what it means, and the JSON Schema of its value (scenarios/schema.json states it as
/// written here; the reader checks more, such as that a country is declared).
/// </summary>
public sealed record EventKey(string Name, bool Required, string Meaning, string Schema);
