using System.Text.Json.Serialization;

namespace Simulation.Model.Negotiation;

/// <summary>
/// Where a negotiation stands. Written snake_case in the outcome JSON (DESIGN §6.2), whatever the
/// serializer's options, hence the explicit member names. The numeric order is the one agreed for
/// the shared API (Active first); persist names, not numbers.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<NegotiationStatus>))]
public enum NegotiationStatus
{
    [JsonStringEnumMemberName("active")]
    Active,

    [JsonStringEnumMemberName("agreed")]
    Agreed,

    /// <summary>All turns used without agreement.</summary>
    [JsonStringEnumMemberName("deadline")]
    Deadline,

    /// <summary>A party walked away on its turn.</summary>
    [JsonStringEnumMemberName("walked_away")]
    WalkedAway,

    /// <summary>Ended from outside by an event (e.g. the US terminating talks, DESIGN §5.1).</summary>
    [JsonStringEnumMemberName("terminated")]
    Terminated,

    /// <summary>Declared but not started yet (a deferred negotiation).</summary>
    [JsonStringEnumMemberName("not_started")]
    NotStarted,

    /// <summary>Single text: a party refused to ratify the final text (DESIGN §4.3).</summary>
    [JsonStringEnumMemberName("rejected")]
    Rejected,
}
