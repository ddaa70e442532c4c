using Simulation.Model.Negotiation;

namespace Simulation.Grains.Abstractions.Countries;

/// <summary>
/// A country's answer on its turn: its move, and its utility of the outcomes it was asked to value
/// followed, if it offers, by its utility of its own offer. The run values every offer of a round by
/// every party (the trace, DESIGN §6.2); asking for those values in the turn's own message, in the
/// world of the round, spares a call per party at the round's end (DESIGN §7).
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.TurnReply")]
public sealed record TurnReply(
    [property: Id(0)] NegotiationAction Move,
    [property: Id(1)] IReadOnlyList<double> Utilities);
