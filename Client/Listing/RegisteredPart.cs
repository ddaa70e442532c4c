using Simulation.Model.Registries;

namespace Simulation.Client.Listing;

/// <summary>
/// One registered part as <c>tradesim list</c> shows it: its name, whether a scenario gets it when it
/// names none, what it is, its parameters with ranges and defaults, and what else its kind states
/// (the parties a protocol takes, the keys an event type reads).
/// </summary>
public sealed record RegisteredPart(
    string Name,
    bool IsDefault,
    string Description,
    IReadOnlyList<EntryParameter> Parameters,
    string? Parties = null,
    IReadOnlyList<string>? Keys = null);
