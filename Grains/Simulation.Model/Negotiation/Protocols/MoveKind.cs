using System.Text.Json.Serialization;

namespace Simulation.Model.Negotiation;

/// <summary>
/// What kind of move a turn was (DESIGN §4.3): the closed set of <see cref="NegotiationAction"/>s, as
/// a value a history, a trace and a journal can hold. Written snake_case whatever the serializer's
/// options (<c>offer</c>, <c>accept</c>, <c>reject</c>, <c>vote</c>, <c>veto</c>, <c>walk_away</c>), the
/// names traces and outcomes have always used; persist names, not numbers.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<MoveKind>))]
public enum MoveKind
{
    [JsonStringEnumMemberName("offer")]
    Offer,

    [JsonStringEnumMemberName("accept")]
    Accept,

    [JsonStringEnumMemberName("reject")]
    Reject,

    [JsonStringEnumMemberName("vote")]
    Vote,

    [JsonStringEnumMemberName("veto")]
    Veto,

    [JsonStringEnumMemberName("walk_away")]
    WalkAway,
}
