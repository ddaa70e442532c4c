using Simulation.Model.Registries;

namespace Simulation.Model.Negotiation;

/// <summary>
/// A protocol in <see cref="Protocols"/>: its name, how many parties it takes (no upper
/// bound when <see cref="MaxParties"/> is null), a one-line description, and how to start one.
/// </summary>
public sealed record ProtocolEntry(
    string Name,
    int MinParties,
    int? MaxParties,
    string Description,
    Func<ProtocolSetup, INegotiationProtocol> Create) : IRegistryEntry
{
    /// <summary>A protocol takes no parameters: its deadline and first mover are the negotiation's.</summary>
    public IReadOnlyList<EntryParameter> Parameters => [];

    /// <summary>Whether the protocol takes <paramref name="parties"/> parties.</summary>
    public bool Takes(int parties) => parties >= MinParties && (MaxParties is not { } max || parties <= max);

    /// <summary>The party count in words, e.g. <c>exactly 2</c> or <c>at least 2</c>.</summary>
    public string PartyCount =>
        MaxParties is { } max
            ? max == MinParties ? $"exactly {max}" : $"{MinParties} to {max}"
            : $"at least {MinParties}";
}
