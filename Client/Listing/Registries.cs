using Simulation.Model.Economics;
using Simulation.Model.Economics.Objectives;
using Simulation.Model.Negotiation;
using Simulation.Model.Registries;
using Simulation.Model.Scenarios;
using Simulation.Model.Scenarios.Events;

namespace Simulation.Client.Listing;

/// <summary>
/// What <c>tradesim list KIND</c> lists: each kind and the registries it covers, read from the
/// registries themselves, so that a part added to one is listed without a change here.
/// </summary>
public static class Registries
{
    /// <summary>The kinds, in the order <c>tradesim list</c> prints them all.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["protocols", "strategies", "models", "objectives", "events"];

    /// <summary>The sections of <paramref name="kind"/>, one of <see cref="Kinds"/>.</summary>
    public static IReadOnlyList<RegistrySection> Of(string kind) => kind switch
    {
        "protocols" => [Section("protocols", Protocols.Registry, p => Part(p, Protocols.Registry) with { Parties = p.PartyCount })],
        "strategies" =>
        [
            Section("strategy presets", StrategySpec.Presets, p => Part(p, StrategySpec.Presets)),
            Section("bidding strategies", BiddingStrategies.Registry, b => Part(b, BiddingStrategies.Registry) with
            {
                Parties = b.MaxParties < int.MaxValue ? $"at most {b.MaxParties}" : null,
            }),
            Section("acceptance conditions", AcceptanceConditions.Registry, a => Part(a, AcceptanceConditions.Registry)),
            Section("opponent models", OpponentModels.Registry, o => Part(o, OpponentModels.Registry)),
        ],
        "models" => [Section("market models", MarketModels.Registry, m => Part(m, MarketModels.Registry))],
        "objectives" => [Section("objectives", GovernmentObjectives.Registry, o => Part(o, GovernmentObjectives.Registry))],
        "events" =>
        [
            Section("event types", EventTypes.Registry, e => Part(e, EventTypes.Registry) with
            {
                Keys = [.. e.Keys.Select(k => k.Required ? k.Name : k.Name + " (optional)")],
            }),
            Section("when: conditions", Conditions.Registry, c => Part(c, Conditions.Registry) with { Keys = c.Keys }),
        ],
        _ => throw new ArgumentException($"Unknown kind {kind} (known: {string.Join(", ", Kinds)}).", nameof(kind)),
    };

    private static RegistrySection Section<TEntry>(string title, Registry<TEntry> registry, Func<TEntry, RegisteredPart> part)
        where TEntry : class, IRegistryEntry =>
        new(title, [.. registry.Entries.Select(part)]);

    private static RegisteredPart Part<TEntry>(TEntry entry, Registry<TEntry> registry)
        where TEntry : class, IRegistryEntry =>
        new(entry.Name, ReferenceEquals(entry, registry.Default), entry.Description, entry.Parameters);
}
