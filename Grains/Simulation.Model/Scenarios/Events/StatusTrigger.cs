using Simulation.Model.Negotiation;

namespace Simulation.Model.Scenarios.Events;

/// <summary>
/// <c>when: { negotiation: ID, status: agreed }</c>: the event fires once negotiation
/// <paramref name="Negotiation"/> ends with <paramref name="Status"/>, one of <see cref="Statuses"/>.
/// </summary>
public sealed record StatusTrigger(string Negotiation, NegotiationStatus Status) : EventTrigger
{
    /// <summary>The statuses a negotiation ends with, as written in a scenario; only these can trigger an event.</summary>
    public static IReadOnlyDictionary<string, NegotiationStatus> Statuses { get; } = new Dictionary<string, NegotiationStatus>(StringComparer.Ordinal)
    {
        ["agreed"] = NegotiationStatus.Agreed,
        ["deadline"] = NegotiationStatus.Deadline,
        ["terminated"] = NegotiationStatus.Terminated,
        ["walked_away"] = NegotiationStatus.WalkedAway,
        ["rejected"] = NegotiationStatus.Rejected,
    };
}
